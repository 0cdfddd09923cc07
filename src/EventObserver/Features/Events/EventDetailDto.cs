using System.Text.Json;

using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Events;

/// <summary>
/// One event in full. <see cref="Payload"/> is the JSON value itself for JSON payloads and for schema-encoded values
/// that were decoded (Avro, Protobuf, JSON Schema, MessagePack: their JSON view), a string for text, a base64 string for
/// binary, null for empty and tombstone; <see cref="PayloadEncoding"/> says which. <see cref="Decoding"/> and
/// <see cref="KeyDecoding"/> say how a schema-encoded value or key was decoded. When <see cref="Payload"/> is a decoded
/// view, <see cref="RawPayload"/> holds the raw bytes in base64, unless masking changed the view: then the raw bytes
/// are withheld (<see cref="RawPayloadWithheld"/>, <see cref="Size"/> 0), as they would carry the masked values.
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
    IReadOnlyList<MaskedFieldDto> Masked,
    DecodingDto? Decoding = null,
    DecodingDto? KeyDecoding = null,
    string? RawPayload = null,
    bool RawPayloadWithheld = false);
