using System.Collections.Concurrent;
using System.Text.RegularExpressions;

using EventObserver.Core.Access;

namespace EventObserver.Access.Topics;

/// <summary>
/// The topics the rules that name one user allow: readable when some rule allows the topic and none denies it. Every
/// user whom the same rules name shares one instance, so the per-topic answers are computed once and then are one
/// dictionary lookup on the hot paths (feed, hub).
/// </summary>
public sealed class RuleTopicPermissions : ITopicPermissions
{
    /// <summary>Answers kept per instance; topics beyond it are decided each time (correct, only slower).</summary>
    public const int MaxCachedTopics = 10_000;

    private readonly CompiledTopicRule[] _rules;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    public RuleTopicPermissions(IReadOnlyList<CompiledTopicRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
    }

    public bool IsUnrestricted => false;

    /// <summary>The rules this user is under, in configuration order.</summary>
    public IReadOnlyList<CompiledTopicRule> Rules => _rules;

    public bool CanRead(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_answers.TryGetValue(topic, out var known))
        {
            return known;
        }

        bool answer;
        try
        {
            answer = Decide(topic);
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed, and do not remember it: a later, less loaded moment may answer.
            return false;
        }

        if (_answers.Count < MaxCachedTopics)
        {
            _answers.TryAdd(topic, answer);
        }

        return answer;
    }

    private bool Decide(string topic)
    {
        var allowed = false;
        foreach (var rule in _rules)
        {
            if (rule.Denies(topic))
            {
                return false;
            }

            allowed = allowed || rule.Allows(topic);
        }

        return allowed;
    }
}
