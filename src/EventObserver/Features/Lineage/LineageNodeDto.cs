using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Lineage;

/// <summary>
/// A lineage node (<see cref="NodeKind"/> <c>message</c>, <c>unknown</c>, <c>more</c> or <c>hidden</c>): for a message, the summary fields of <c>/api/events</c>; for an unknown cause or a
/// "more" marker, only <see cref="Id"/>, <see cref="NodeKind"/> and <see cref="Reference"/> or <see cref="MoreCount"/>. A <see cref="Hidden"/> node
/// is a message on a topic the caller may not read: an opaque <see cref="Id"/> (not its position) and its <see cref="Depth"/>, nothing else;
/// a message it caused has no <see cref="CausationId"/> here (that would be the hidden message's id), its edge from the hidden node says it.
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
    string? Reference,
    bool Hidden);
