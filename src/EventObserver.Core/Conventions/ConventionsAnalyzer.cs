using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Conventions;

/// <summary>
/// Checks messages against the naming and metadata conventions of event-driven systems and counts what breaks
/// them, per source (the producing service; the topic when a message names none):
/// <list type="bullet">
/// <item>an event (however its kind was decided: kind header, topic name or type name) whose type name is not in the past tense;</item>
/// <item>a command whose type name does not start with an imperative verb;</item>
/// <item>a message with no type at all;</item>
/// <item>a message with no correlation id;</item>
/// <item>a message with a correlation id but no causation id that does not start its conversation. The first message
/// of a correlation (or one whose message id is the correlation id) has no cause to name: it is counted as a
/// conversation start, not a violation. Messages without a correlation id are counted under that rule only.</item>
/// </list>
/// Feed messages oldest first: "first of its correlation" means first added. Not thread-safe; one per report.
/// </summary>
public sealed class ConventionsAnalyzer
{
    public const int DefaultMaxExamples = 5;
    public const int DefaultMaxTypes = 10;

    /// <summary>Past this many sources the rest are counted together, so random source strings cannot grow memory without limit.</summary>
    public const int MaxSources = 500;

    public const string OtherSources = "(other sources)";

    private readonly int _maxExamples;
    private readonly int _maxTypes;
    private readonly Dictionary<(string Name, bool IsTopic), SourceTally> _sources = [];
    private readonly HashSet<string> _correlations = new(StringComparer.Ordinal);
    private long _checked;
    private long _tombstones;
    private long _firstMs = long.MaxValue;
    private long _lastMs = long.MinValue;

    public ConventionsAnalyzer(int maxExamples = DefaultMaxExamples, int maxTypes = DefaultMaxTypes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTypes);
        _maxExamples = maxExamples;
        _maxTypes = maxTypes;
    }

    public long Checked => _checked;

    public void Add(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        _firstMs = Math.Min(_firstMs, envelope.TimestampMs);
        _lastMs = Math.Max(_lastMs, envelope.TimestampMs);
        if (envelope.PayloadFormat == PayloadFormat.Tombstone)
        {
            // A deletion marker on a compacted topic: no type or ids are expected on it.
            _tombstones++;
            return;
        }

        _checked++;
        var source = SourceOf(envelope);
        source.Count(envelope);

        Span<ConventionRule> broken = stackalloc ConventionRule[5];
        var count = 0;
        var type = string.IsNullOrWhiteSpace(envelope.MessageType) ? null : envelope.MessageType;
        if (type is null)
        {
            broken[count++] = ConventionRule.MissingType;
        }
        else if (envelope.Kind == MessageKind.Event && !TypeNameTense.IsPastTense(type))
        {
            broken[count++] = ConventionRule.EventNotPastTense;
        }
        else if (envelope.Kind == MessageKind.Command && !TypeNameTense.IsImperative(type))
        {
            broken[count++] = ConventionRule.CommandNotImperative;
        }

        var correlation = string.IsNullOrWhiteSpace(envelope.CorrelationId) ? null : envelope.CorrelationId;
        var firstOfCorrelation = correlation is not null && _correlations.Add(correlation);
        if (correlation is null)
        {
            broken[count++] = ConventionRule.MissingCorrelationId;
        }
        else if (string.IsNullOrWhiteSpace(envelope.CausationId))
        {
            if (firstOfCorrelation || string.Equals(envelope.MessageId, correlation, StringComparison.Ordinal))
            {
                source.ConversationStarts++;
            }
            else
            {
                broken[count++] = ConventionRule.MissingCausationId;
            }
        }

        source.Flag(envelope, broken[..count]);
    }

    public void AddRange(IEnumerable<EventEnvelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        foreach (var envelope in envelopes)
        {
            Add(envelope);
        }
    }

    /// <summary>Sources with the most flagged messages first, then by name.</summary>
    public ConventionsReport Build()
    {
        var sources = _sources.Values.Select(s => s.Build())
            .OrderByDescending(s => s.Flagged)
            .ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToList();
        return new ConventionsReport(
            _checked,
            sources.Sum(s => s.Flagged),
            _tombstones,
            _firstMs == long.MaxValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(_firstMs),
            _lastMs == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(_lastMs),
            sources);
    }

    private SourceTally SourceOf(EventEnvelope envelope)
    {
        var source = envelope.Source?.Trim();
        var key = string.IsNullOrEmpty(source) ? (envelope.Topic, true) : (source, false);
        if (_sources.TryGetValue(key, out var tally))
        {
            return tally;
        }

        if (_sources.Count >= MaxSources)
        {
            key = (OtherSources, false);
            if (_sources.TryGetValue(key, out tally))
            {
                return tally;
            }
        }

        tally = new SourceTally(key.Item1, key.Item2, _maxExamples, _maxTypes);
        _sources.Add(key, tally);
        return tally;
    }
}
