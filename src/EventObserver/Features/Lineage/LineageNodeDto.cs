using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Lineage;

/// <summary>
/// A lineage node (<see cref="NodeKind"/> <c>message</c>, <c>unknown</c> or <c>more</c>): for a message, the summary fields of <c>/api/events</c>; for an unknown cause or a
/// "more" marker, only <see cref="Id"/>, <see cref="NodeKind"/> and <see cref="Reference"/> or <see cref="MoreCount"/>.
/// </summary>
public sealed record LineageNodeDto(
    string Id,
    string NodeKind,
    string? Topic,
    int? Partition,
    long? Offset,
    DateTimeOffset? Timestamp,
    string? MessageId,
    string? Type,
    MessageKind? Kind,
    string? CorrelationId,
    string? CausationId,
    string? Source,
    string? Key,
    string? TraceId,
    bool DeadLetter,
    bool SelfCaused,
    int Depth,
    int MoreCount,
    string? Reference);
