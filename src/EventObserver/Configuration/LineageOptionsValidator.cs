using EventObserver.Core.Lineage;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class LineageOptionsValidator : IValidateOptions<LineageOptions>
{
    private const string Section = ConfigurationSections.Lineage;

    public ValidateOptionsResult Validate(string? name, LineageOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Mappings.Count; i++)
        {
            var mapping = options.Mappings[i];
            var hasHeader = !string.IsNullOrWhiteSpace(mapping.Header);
            var hasPath = !string.IsNullOrWhiteSpace(mapping.JsonPath);
            if (hasHeader == hasPath)
            {
                failures.Add($"{Section}:Mappings:{i} must set exactly one of Header or JsonPath.");
            }

            if (!Enum.IsDefined(mapping.Field))
            {
                failures.Add($"{Section}:Mappings:{i}:Field '{mapping.Field}' is not one of {string.Join(", ", Enum.GetNames<LineageField>())}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
