using EventObserver.Core.Decoding.Schemas;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>
/// Checks <c>EventObserver:Decoding</c> at start-up by compiling it as the decoder will: a missing, unreadable or invalid
/// schema file, or a bad topic regex, stops the start with a message naming the entry.
/// </summary>
public sealed class DecodingOptionsValidator : IValidateOptions<DecodingOptions>
{
    public ValidateOptionsResult Validate(string? name, DecodingOptions options)
    {
        var failures = PayloadDecoder.Validate(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
