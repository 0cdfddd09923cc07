using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Events;

/// <summary>
/// An event in a list: where it is, what it is and how it relates to others; <see cref="Decoding"/> says how a
/// schema-encoded value was decoded (null for JSON, text and other values).
/// </summary>
public sealed record EventSummaryDto(
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset Timestamp,
    string MessageId,
    string? Type,
    MessageKind Kind,
    string? CorrelationId,
    string? CausationId,
    string? Source,
    string? Key,
    DecodingDto? Decoding = null);
