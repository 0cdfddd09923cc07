using System.Text;
using System.Text.Json;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Features.Events;

/// <summary>Maps envelopes to API shapes. Never throws on odd bytes: what is not text is given as base64.</summary>
public static class EventDtoMapper
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static EventSummaryDto ToSummary(EventEnvelope e) => new(
        e.Topic, e.Partition, e.Offset, e.Timestamp, e.MessageId, e.MessageType, e.Kind,
        e.CorrelationId, e.CausationId, e.Source, e.Key, DecodingDto.From(e.Decoding));

    public static EventDetailDto ToDetail(EventEnvelope e)
    {
        var (encoding, payload) = DescribePayload(e);
        return new EventDetailDto(
            e.Topic, e.Partition, e.Offset, e.Timestamp, e.MessageId, e.MessageType, e.Kind,
            e.CorrelationId, e.CausationId, e.Source, e.Key,
            e.TimestampKind, e.KeyFormat, e.MessageIdDerived, e.Subject, e.TraceId,
            e.DeadLetterOf is { } d ? new DeadLetterOriginDto(d.Topic, d.Partition, d.Offset, d.Error) : null,
            [.. e.Headers.Select(ToHeader)],
            e.PayloadFormat, encoding, payload, e.Payload?.Length ?? 0,
            [.. e.Masked.Select(m => new MaskedFieldDto(m.Kind, m.Target, m.Action))],
            DecodingDto.From(e.Decoding), DecodingDto.From(e.KeyDecoding),
            e.DecodedPayload is not null && e.Payload is { Length: > 0 } raw ? Convert.ToBase64String(raw) : null,
            RawPayloadWithheld.Is(e));
    }

    public static EventHeaderDto ToHeader(EnvelopeHeader header) => new(
        header.Key,
        header.Value is null ? null : TryReadText(header.Value),
        header.Value is null ? null : Convert.ToBase64String(header.Value));

    /// <summary>Returns the bytes as a string when they are valid UTF-8 without control characters other than whitespace.</summary>
    public static string? TryReadText(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return null;
            }
        }

        return text;
    }

    private static (string? Encoding, JsonElement? Payload) DescribePayload(EventEnvelope e)
    {
        if (e.DecodedPayload is { Length: > 0 } decoded && TryParse(decoded) is { } view)
        {
            return ("json", view);
        }

        if (e.Payload is not { Length: > 0 } bytes || e.PayloadFormat is PayloadFormat.Tombstone or PayloadFormat.Empty)
        {
            return (null, null);
        }

        if (e.PayloadFormat == PayloadFormat.Json && TryParse(bytes) is { } json)
        {
            return ("json", json);
        }

        // Classified as JSON by the decoder but not parseable here: text or base64.
        if (e.PayloadFormat != PayloadFormat.Binary && TryReadText(bytes) is { } text)
        {
            return ("text", JsonSerializer.SerializeToElement(text));
        }

        return ("base64", JsonSerializer.SerializeToElement(Convert.ToBase64String(bytes)));
    }

    private static JsonElement? TryParse(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
