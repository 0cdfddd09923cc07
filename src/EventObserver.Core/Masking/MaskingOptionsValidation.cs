namespace EventObserver.Core.Masking;

/// <summary>Checks <see cref="MaskingOptions"/>; every message names the setting (and the rule's index) it is about.</summary>
public static class MaskingOptionsValidation
{
    /// <summary>Every problem of <paramref name="options"/>; empty when the rules can run.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="section">Where they are configured, for the messages (e.g. <c>EventObserver:Masking</c>).</param>
    public static IReadOnlyList<string> Validate(MaskingOptions options, string section)
    {
        var failures = new List<string>();
        Compile(options, section, failures);
        return failures;
    }

    internal static IReadOnlyList<CompiledMaskingRule> Compile(MaskingOptions options, string section, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Rules ?? [];
        if (rules.Count > MaskingOptions.MaxRules)
        {
            failures.Add($"{section}:Rules holds {rules.Count} rules; at most {MaskingOptions.MaxRules} are allowed.");
            return [];
        }

        var salt = options.HashSalt;
        if (!string.IsNullOrEmpty(salt) && salt.Length < MaskingOptions.MinHashSaltLength)
        {
            failures.Add($"{section}:HashSalt must be at least {MaskingOptions.MinHashSaltLength} characters long; it has {salt.Length}.");
        }

        var compiled = new List<CompiledMaskingRule>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            if (CompiledMaskingRule.TryCompile(rules[i], i, section, !string.IsNullOrEmpty(salt), failures) is { } rule)
            {
                compiled.Add(rule);
            }
        }

        return compiled;
    }
}
