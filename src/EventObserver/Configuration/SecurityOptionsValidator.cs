using EventObserver.Security;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    private const string Section = SecurityOptions.Section;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            var origin = options.AllowedOrigins[i];
            if (RequestOrigin.Parse(origin) is null)
            {
                failures.Add($"{Section}:AllowedOrigins:{i} '{origin}' is not an origin; give scheme, host and port only, e.g. https://observer.example.com or http://localhost:5177.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
