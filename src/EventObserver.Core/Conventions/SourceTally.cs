using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Conventions;

/// <summary>The running counts of one source; <see cref="ConventionsAnalyzer"/> owns one per source.</summary>
internal sealed class SourceTally
{
    public const int MaxTopics = 50;

    private static readonly ConventionRule[] s_rules = Enum.GetValues<ConventionRule>();

    private readonly FindingTally[] _findings;
    private readonly SortedSet<string> _topics = new(StringComparer.Ordinal);

    public SourceTally(string source, bool isTopic, int maxExamples, int maxTypes)
    {
        Source = source;
        IsTopic = isTopic;
        _findings = [.. s_rules.Select(r => new FindingTally(r, maxExamples, maxTypes))];
    }

    public string Source { get; }

    public bool IsTopic { get; }

    public long Checked { get; private set; }

    public long Events { get; private set; }

    public long Commands { get; private set; }

    public long ConversationStarts { get; set; }

    public long Flagged { get; private set; }

    public void Count(EventEnvelope envelope)
    {
        Checked++;
        Events += envelope.Kind == MessageKind.Event ? 1 : 0;
        Commands += envelope.Kind == MessageKind.Command ? 1 : 0;
        if (_topics.Count < MaxTopics)
        {
            _topics.Add(envelope.Topic);
        }
    }

    /// <summary>Records the rules one message broke (none is fine).</summary>
    public void Flag(EventEnvelope envelope, ReadOnlySpan<ConventionRule> broken)
    {
        if (broken.IsEmpty)
        {
            return;
        }

        Flagged++;
        foreach (var rule in broken)
        {
            _findings[(int)rule].Add(envelope);
        }
    }

    public SourceConventions Build() => new(
        Source, IsTopic, Checked, Events, Commands, ConversationStarts, Flagged, [.. _topics], [.. _findings.Select(f => f.Build())]);
}
