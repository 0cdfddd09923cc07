using System.Collections.Concurrent;

using EventObserver.Access.Options;
using EventObserver.Core.Access;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Topics;

/// <summary>
/// <c>Auth:TopicAccess</c>, compiled once at start (the options validator has already refused bad rules with messages
/// naming them). Hands out one <see cref="ITopicPermissions"/> per distinct set of matching rules, so their per-topic
/// caches are shared by every user under the same rules.
/// </summary>
public sealed class TopicAccessRules
{
    /// <summary>Distinct rule sets kept; more (only with very many rules and group mixes) get a fresh, uncached instance.</summary>
    public const int MaxCachedRuleSets = 1_024;

    private readonly CompiledTopicRule[] _rules;
    private readonly ConcurrentDictionary<string, ITopicPermissions> _byRuleSet = new(StringComparer.Ordinal);

    public TopicAccessRules(IOptions<AuthOptions> options)
        : this(options?.Value.TopicAccess ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public TopicAccessRules(IReadOnlyList<TopicAccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        var compiled = rules.Select((rule, i) => CompiledTopicRule.Compile(rule, i, problems)).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), problems);
        }

        _rules = [.. compiled.OfType<CompiledTopicRule>()];
    }

    /// <summary>True when no rule is configured: every user who may read at all reads every topic.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>
    /// What a user holding <paramref name="roles"/> (implied roles expanded) in <paramref name="groups"/> may read. No rules,
    /// or Admin: every topic. Otherwise the rules naming the user by group or role decide; none names the user: nothing.
    /// </summary>
    public ITopicPermissions For(IReadOnlySet<string> roles, IReadOnlySet<string> groups)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(groups);
        if (IsEmpty || roles.Contains(AccessRoles.Admin))
        {
            return AllTopics.Instance;
        }

        var matching = _rules.Where(r => r.AppliesTo(roles, groups)).ToList();
        if (matching.Count == 0)
        {
            return NoTopics.Instance;
        }

        var key = string.Join(',', matching.Select(r => r.Index));
        if (_byRuleSet.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var permissions = new RuleTopicPermissions(matching);
        return _byRuleSet.Count < MaxCachedRuleSets ? _byRuleSet.GetOrAdd(key, permissions) : permissions;
    }
}
