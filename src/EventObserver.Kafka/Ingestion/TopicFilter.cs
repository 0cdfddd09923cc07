using System.Text.RegularExpressions;
using EventObserver.Kafka.Configuration;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Which topics are ingested: include patterns (any must match; none means every topic) and exclude
/// patterns (none may match; none configured means "names starting with '_'"). Patterns match anywhere
/// in the name unless anchored. This class is the authority; the subscription regex only narrows what
/// the broker sends, because librdkafka's regex dialect has no look-ahead to express exclusions.
/// </summary>
public sealed class TopicFilter
{
    public const string DefaultExclude = "^_";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex[] _include;
    private readonly Regex[] _exclude;

    public TopicFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var includePatterns = include.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var excludePatterns = exclude.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (excludePatterns.Length == 0)
        {
            excludePatterns = [DefaultExclude];
        }

        _include = Compile(includePatterns, "IncludeTopics");
        _exclude = Compile(excludePatterns, "ExcludeTopics");
        SubscriptionPattern = BuildSubscription(includePatterns, excludePatterns);
        BroadSubscriptionPattern = excludePatterns.Contains(DefaultExclude) ? "^[^_].*" : "^.*";
    }

    /// <summary>The regex subscription given to the consumer (librdkafka dialect, starts with '^').</summary>
    public string SubscriptionPattern { get; }

    /// <summary>A simpler subscription to fall back on when librdkafka rejects <see cref="SubscriptionPattern"/>.</summary>
    public string BroadSubscriptionPattern { get; }

    /// <summary>Throws <see cref="ArgumentException"/> with the offending setting when a pattern is not a valid regex.</summary>
    public static TopicFilter FromOptions(KafkaOptions options) => new(options.IncludeTopics, options.ExcludeTopics);

    public bool Includes(string topic)
    {
        foreach (var exclude in _exclude)
        {
            if (exclude.IsMatch(topic))
            {
                return false;
            }
        }

        if (_include.Length == 0)
        {
            return true;
        }

        foreach (var include in _include)
        {
            if (include.IsMatch(topic))
            {
                return true;
            }
        }

        return false;
    }

    private static string BuildSubscription(string[] include, string[] exclude)
    {
        if (include.Length > 0)
        {
            // Unanchored patterns match anywhere, as .NET's IsMatch does; '.*^x' still means "starts with x".
            return "^(" + string.Join('|', include.Select(p => ".*(" + p + ")")) + ")";
        }

        return exclude.Contains(DefaultExclude) ? "^[^_].*" : "^.*";
    }

    private static Regex[] Compile(string[] patterns, string setting)
    {
        var regexes = new Regex[patterns.Length];
        for (var i = 0; i < patterns.Length; i++)
        {
            try
            {
                regexes[i] = new Regex(patterns[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(
                    $"EventObserver:Kafka:{setting}[{i}] '{patterns[i]}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return regexes;
    }
}
