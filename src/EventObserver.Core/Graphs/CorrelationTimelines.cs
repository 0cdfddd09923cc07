using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// Infers links inside a correlation. Rule: a message with no causation id (and not a dead-letter
/// copy) is caused by the latest earlier message of its correlation, "earlier" in
/// <see cref="EnvelopeOrder"/>; dead-letter copies are never such a cause. The first message is a root.
/// Each correlation is read once per query, at most <c>scanLimit</c> messages, oldest first.
/// </summary>
internal sealed class CorrelationTimelines(ILineageSource source, int scanLimit)
{
    private readonly Dictionary<string, List<EventEnvelope>> _timelines = new(StringComparer.Ordinal);

    /// <summary>Uses messages already read instead of asking the source again.</summary>
    public void Seed(string correlationId, IEnumerable<EventEnvelope> members) =>
        _timelines[correlationId] = ToTimeline(members);

    public EventEnvelope? PredecessorOf(EventEnvelope effect)
    {
        if (!LineageRules.InfersFromCorrelation(effect))
        {
            return null;
        }

        var timeline = TimelineOf(effect.CorrelationId!);
        var index = timeline.BinarySearch(effect, EnvelopeOrder.Instance);
        var before = index >= 0 ? index - 1 : ~index - 1;
        return before >= 0 ? timeline[before] : null;
    }

    public EventEnvelope? SuccessorOf(EventEnvelope cause)
    {
        if (LineageRules.IsDeadLetter(cause) || string.IsNullOrEmpty(cause.CorrelationId))
        {
            return null;
        }

        var timeline = TimelineOf(cause.CorrelationId);
        var index = timeline.BinarySearch(cause, EnvelopeOrder.Instance);
        if (index < 0 || index + 1 >= timeline.Count)
        {
            return null;
        }

        var next = timeline[index + 1];
        return LineageRules.InfersFromCorrelation(next) ? next : null;
    }

    private List<EventEnvelope> TimelineOf(string correlationId)
    {
        if (!_timelines.TryGetValue(correlationId, out var timeline))
        {
            timeline = ToTimeline(source.FindByCorrelationId(correlationId, scanLimit));
            _timelines[correlationId] = timeline;
        }

        return timeline;
    }

    private static List<EventEnvelope> ToTimeline(IEnumerable<EventEnvelope> members)
    {
        var timeline = members.Where(m => !LineageRules.IsDeadLetter(m)).ToList();
        timeline.Sort(EnvelopeOrder.Instance);
        return timeline;
    }
}
