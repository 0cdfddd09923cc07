using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Flows;

/// <summary>Every observed cause → effect between two stickies: count, latencies and the latest example conversations.</summary>
internal sealed class FlowLinkTally(FlowNodeTally from, FlowNodeTally to, bool deadLetter, int maxExamples)
{
    private readonly List<long> _latencies = [];
    private readonly List<FlowExample> _examples = [];

    public FlowNodeTally From { get; } = from;
    public FlowNodeTally To { get; } = to;
    public bool DeadLetter { get; } = deadLetter;
    public long Count { get; private set; }
    public long Inferred { get; private set; }

    public void Add(EventEnvelope cause, EventEnvelope effect, bool inferred)
    {
        Count++;
        if (inferred)
        {
            Inferred++;
        }

        var latency = effect.TimestampMs - cause.TimestampMs;
        _latencies.Add(latency);
        if (maxExamples <= 0)
        {
            return;
        }

        // The latest few, one per conversation: the newest occurrence replaces an older one of the same correlation.
        var correlation = string.IsNullOrEmpty(effect.CorrelationId) ? cause.CorrelationId : effect.CorrelationId;
        var example = new FlowExample(string.IsNullOrEmpty(correlation) ? null : correlation, effect.Id, latency, effect.TimestampMs);
        var same = example.CorrelationId is null
            ? -1
            : _examples.FindIndex(x => string.Equals(x.CorrelationId, example.CorrelationId, StringComparison.Ordinal));
        if (same >= 0)
        {
            _examples.RemoveAt(same);
        }
        else if (_examples.Count == maxExamples)
        {
            _examples.RemoveAt(0);
        }

        _examples.Add(example);
    }

    public FlowEdge ToEdge(string id, string fromId, string toId, FlowEdgeKind kind)
    {
        var (p50, p95) = Percentiles.Of(_latencies);
        return new FlowEdge
        {
            Id = id,
            From = fromId,
            To = toId,
            Kind = kind,
            Count = Count,
            Inferred = Inferred,
            P50Ms = p50,
            P95Ms = p95,
            Examples = [.. Enumerable.Reverse(_examples)],
        };
    }
}
