using System.Text.RegularExpressions;

using EventObserver.Access.Options;

namespace EventObserver.Access.Topics;

/// <summary>One <c>Auth:TopicAccess</c> rule with its patterns compiled (anchored: a pattern matches the whole topic name).</summary>
public sealed class CompiledTopicRule
{
    /// <summary>A pathological pattern must not hold a read: past this, the topic counts as not readable.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex[] _allow;
    private readonly Regex[] _deny;

    private CompiledTopicRule(int index, string? group, string? role, Regex[] allow, Regex[] deny)
    {
        Index = index;
        Group = group;
        Role = role;
        _allow = allow;
        _deny = deny;
    }

    /// <summary>Its position in <c>Auth:TopicAccess</c>.</summary>
    public int Index { get; }

    public string? Group { get; }

    public string? Role { get; }

    /// <summary>
    /// Compiles rule <paramref name="index"/>; null with the problems (each naming the setting) when it is not usable:
    /// neither or both of Group and Role, an unknown role, a blank or invalid pattern.
    /// </summary>
    public static CompiledTopicRule? Compile(TopicAccessRule rule, int index, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(problems);
        var setting = $"{AuthOptions.Section}:TopicAccess:{index}";
        var before = problems.Count;
        var group = Blank(rule.Group);
        var role = Blank(rule.Role);
        if ((group is null) == (role is null))
        {
            problems.Add($"{setting} must name exactly one of Group or Role (the users it applies to).");
        }

        if (role is not null && !AccessRoles.All.Contains(role, StringComparer.Ordinal))
        {
            problems.Add($"{setting}:Role '{role}' is not a role; use one of {string.Join(", ", AccessRoles.All)}.");
        }

        var allow = Patterns(rule.Allow, $"{setting}:Allow", problems);
        var deny = Patterns(rule.Deny, $"{setting}:Deny", problems);
        return problems.Count == before ? new CompiledTopicRule(index, group, role, allow, deny) : null;
    }

    /// <summary>Whether the rule is about a user holding <paramref name="roles"/> (implied ones included) and <paramref name="groups"/>.</summary>
    public bool AppliesTo(IReadOnlySet<string> roles, IReadOnlySet<string> groups) =>
        (Group is not null && groups.Contains(Group)) || (Role is not null && roles.Contains(Role));

    /// <summary>An empty Allow list allows every topic.</summary>
    public bool Allows(string topic) => _allow.Length == 0 || AnyMatches(_allow, topic);

    public bool Denies(string topic) => AnyMatches(_deny, topic);

    private static bool AnyMatches(Regex[] patterns, string topic)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(topic))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex[] Patterns(List<string>? patterns, string setting, List<string> problems)
    {
        if (patterns is null || patterns.Count == 0)
        {
            return [];
        }

        var compiled = new List<Regex>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (string.IsNullOrWhiteSpace(pattern))
            {
                problems.Add($"{setting}:{i} is empty; give a regular expression over topic names, e.g. orders\\..*");
                continue;
            }

            try
            {
                // Anchored, so "orders" does not also allow "orders-secret": a rule names whole topics.
                compiled.Add(new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{setting}:{i} '{pattern}' is not a valid regular expression: {ex.Message}");
            }
        }

        return [.. compiled];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
