namespace EventObserver.Features.Flows;

/// <summary>One observed occurrence of an edge: its conversation (null when the message has no correlation id) and the effect's position.</summary>
public sealed record FlowExampleDto(string? CorrelationId, string EventId, long LatencyMs, DateTimeOffset Timestamp);
