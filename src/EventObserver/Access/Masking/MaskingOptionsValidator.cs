using EventObserver.Core.Masking;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Masking;

/// <summary>Refuses rules that cannot run, with one message per problem naming the rule (<c>Masking:Rules:N</c>).</summary>
public sealed class MaskingOptionsValidator : IValidateOptions<MaskingOptions>
{
    public ValidateOptionsResult Validate(string? name, MaskingOptions options)
    {
        var failures = MaskingOptionsValidation.Validate(options, MaskingServiceCollectionExtensions.Section);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
