using System.Text;
using System.Text.RegularExpressions;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Masking;

/// <summary>One <see cref="MaskingRule"/> checked and compiled: regexes built, the JSON path parsed.</summary>
internal sealed class CompiledMaskingRule
{
    /// <summary>Longest JSON path accepted (the matcher keeps its position in a path as one bit of a 64-bit set).</summary>
    public const int MaxPathSteps = 32;

    private static readonly TimeSpan TopicMatchTimeout = TimeSpan.FromSeconds(1);

    private CompiledMaskingRule(int index, Regex? topic, MaskedFieldKind kind, string target, MaskingAction action)
    {
        Index = index;
        Topic = topic;
        Kind = kind;
        Target = target;
        Action = action;
    }

    /// <summary>The rule's position in <see cref="MaskingOptions.Rules"/>.</summary>
    public int Index { get; }

    public Regex? Topic { get; }

    public MaskedFieldKind Kind { get; }

    /// <summary>The JSON path, header name or pattern as configured (trimmed).</summary>
    public string Target { get; }

    public MaskingAction Action { get; }

    public JsonPath? Path { get; private init; }

    /// <summary>The path's steps as an array (the matcher indexes them per JSON member).</summary>
    public JsonPathStep[] Steps { get; private init; } = [];

    /// <summary>UTF-8 of each property step's name (null for other steps), so member names compare without decoding.</summary>
    public byte[]?[] PathNames { get; private init; } = [];

    public Regex? Pattern { get; private init; }

    public bool AppliesTo(string topic)
    {
        try
        {
            return Topic is null || Topic.IsMatch(topic);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // cannot tell: mask rather than show
        }
    }

    /// <summary>The rule compiled, or null with the reasons added to <paramref name="failures"/> (each naming the rule).</summary>
    public static CompiledMaskingRule? TryCompile(MaskingRule? rule, int index, string section, bool hasSalt, List<string> failures)
    {
        var name = $"{section}:Rules:{index}";
        if (rule is null)
        {
            failures.Add($"{name} is empty: set one of JsonPath, Header or Pattern.");
            return null;
        }

        var before = failures.Count;
        var topic = CompileTopic(rule.Topic, name, failures);
        if (!Enum.IsDefined(rule.Action))
        {
            failures.Add($"{name}:Action '{rule.Action}' is not one of {string.Join(", ", Enum.GetNames<MaskingAction>())}.");
        }
        else if (rule.Action == MaskingAction.Hash && !hasSalt)
        {
            failures.Add($"{name}:Action is Hash, which needs {section}:HashSalt: a secret of at least {MaskingOptions.MinHashSaltLength} characters (e.g. from `openssl rand -hex 32`), the same on every instance.");
        }

        var set = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(rule.JsonPath))
        {
            set.Add(nameof(MaskingRule.JsonPath));
        }

        if (!string.IsNullOrWhiteSpace(rule.Header))
        {
            set.Add(nameof(MaskingRule.Header));
        }

        if (!string.IsNullOrWhiteSpace(rule.Pattern))
        {
            set.Add(nameof(MaskingRule.Pattern));
        }

        if (set.Count != 1)
        {
            var what = set.Count == 0 ? "it sets none" : "it sets " + string.Join(" and ", set);
            failures.Add($"{name} must set exactly one of JsonPath, Header or Pattern; {what}.");
            return null;
        }

        var compiled = set[0] switch
        {
            nameof(MaskingRule.JsonPath) => CompilePath(rule, index, topic, name, failures),
            nameof(MaskingRule.Header) => new CompiledMaskingRule(index, topic, MaskedFieldKind.Header, rule.Header!.Trim(), rule.Action),
            _ => CompilePattern(rule, index, topic, name, failures),
        };
        return failures.Count == before ? compiled : null;
    }

    private static Regex? CompileTopic(string? topic, string name, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return null;
        }

        try
        {
            return new Regex(topic, RegexOptions.CultureInvariant, TopicMatchTimeout);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{name}:Topic '{topic}' is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private static CompiledMaskingRule? CompilePath(MaskingRule rule, int index, Regex? topic, string name, List<string> failures)
    {
        var path = JsonPath.TryParse(rule.JsonPath, allowWildcards: true);
        if (path is null || path.Steps.Count > MaxPathSteps)
        {
            failures.Add($"{name}:JsonPath '{rule.JsonPath}' is not a JSON path masking reads: use forms like $.a.b, $.a[0].b, " +
                $"$.a[*].b, $.a.*, $..b (at any depth) or $['a.b'], at most {MaxPathSteps} steps.");
            return null;
        }

        return new CompiledMaskingRule(index, topic, MaskedFieldKind.JsonPath, path.Text, rule.Action)
        {
            Path = path,
            Steps = [.. path.Steps],
            PathNames = [.. path.Steps.Select(s => s.Kind == JsonPathStepKind.Property ? Encoding.UTF8.GetBytes(s.Name!) : null)],
        };
    }

    private static CompiledMaskingRule? CompilePattern(MaskingRule rule, int index, Regex? topic, string name, List<string> failures)
    {
        Regex pattern;
        try
        {
            // Linear time whatever the input: payloads come from producers, and masking runs on the ingestion path.
            pattern = new Regex(rule.Pattern!, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            failures.Add($"{name}:Pattern '{rule.Pattern}' is not a regular expression masking can run " +
                $"(it runs without backtracking, so backreferences, lookarounds and atomic groups are refused): {ex.Message}");
            return null;
        }

        if (pattern.IsMatch(string.Empty))
        {
            failures.Add($"{name}:Pattern '{rule.Pattern}' matches the empty string; it must match at least one character.");
            return null;
        }

        return new CompiledMaskingRule(index, topic, MaskedFieldKind.Pattern, rule.Pattern!, rule.Action) { Pattern = pattern };
    }
}
