using System.Text.Json;

using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Events;

/// <summary>
/// One event in full. <see cref="Payload"/> is the JSON value itself for JSON payloads, a string for text,
/// a base64 string for binary, null for empty and tombstone; <see cref="PayloadEncoding"/> says which.
/// <see cref="Masked"/> lists what masking changed in payload and headers (empty when nothing), so a masked or removed
/// field reads as masked, not as missing.
/// </summary>
public sealed record EventDetailDto(
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
    TimestampKind TimestampType,
    KeyFormat KeyFormat,
    bool MessageIdDerived,
    string? Subject,
    string? TraceId,
    DeadLetterOriginDto? DeadLetterOf,
    IReadOnlyList<EventHeaderDto> Headers,
    PayloadFormat PayloadFormat,
    string? PayloadEncoding,
    JsonElement? Payload,
    int Size,
    IReadOnlyList<MaskedFieldDto> Masked);
