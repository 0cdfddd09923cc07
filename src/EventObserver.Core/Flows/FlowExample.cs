namespace EventObserver.Core.Flows;

/// <summary>
/// One observed cause → effect pair of an edge: the conversation it belongs to (null when the effect has no
/// correlation id), the effect's position (<c>topic/partition/offset</c>) and the latency between the two.
/// </summary>
public sealed record FlowExample(string? CorrelationId, string EventId, long LatencyMs, long TimestampMs);
