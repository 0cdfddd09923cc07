using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Selection;

/// <summary>Evaluates an <see cref="EventSelection"/> against one envelope; cheap checks first, the payload scan last.</summary>
internal static class SelectionMatcher
{
    public static bool Matches(EventSelection selection, EventEnvelope e)
    {
        if (selection.Topics.Count > 0 && !ContainsTopic(selection.Topics, e.Topic))
        {
            return false;
        }

        if (selection.Kind is { } kind && e.Kind != kind)
        {
            return false;
        }

        if (!IsBlank(selection.Type) && !string.Equals(selection.Type, e.MessageType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!IsBlank(selection.Key) && !string.Equals(selection.Key, e.Key, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsBlank(selection.MessageId) && !string.Equals(selection.MessageId, e.MessageId, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsBlank(selection.CorrelationId) && !string.Equals(selection.CorrelationId, e.CorrelationId, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsBlank(selection.CausationId) && !string.Equals(selection.CausationId, e.CausationId, StringComparison.Ordinal))
        {
            return false;
        }

        if ((selection.From is { } from && e.TimestampMs < from.ToUnixTimeMilliseconds())
            || (selection.To is { } to && e.TimestampMs > to.ToUnixTimeMilliseconds()))
        {
            return false;
        }

        if (selection.Ranges.Count > 0 && !InRanges(selection.Ranges, e))
        {
            return false;
        }

        return MatchesScannedParts(selection, e);
    }

    /// <summary>Source, header and free text: the parts no index answers.</summary>
    public static bool MatchesScannedParts(EventSelection selection, EventEnvelope e)
    {
        if (!IsBlank(selection.Source) && !string.Equals(selection.Source, e.Source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!IsBlank(selection.HeaderName) && !HasHeader(e, selection.HeaderName!, selection.HeaderValue))
        {
            return false;
        }

        return selection.TextSearch is not { } search || ContainsText(e, search);
    }

    private static bool InRanges(IReadOnlyList<PartitionRange> ranges, EventEnvelope e)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].IsOf(e.Topic, e.Partition) && ranges[i].Contains(e.Offset))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsTopic(IReadOnlyList<string> topics, string topic)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (string.Equals(topics[i], topic, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A header filter without a value asks only that the header is present.
    private static bool HasHeader(EventEnvelope e, string name, string? value)
    {
        // Index loops: foreach over the interface would allocate an enumerator per event and subscriber.
        var headers = e.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (IsBlank(value))
            {
                return true;
            }

            if (header.Value is { } bytes && string.Equals(Utf8Text.TryDecode(bytes), value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsText(EventEnvelope e, TextSearch search)
    {
        if (e.Key is { } key && search.IsIn(key))
        {
            return true;
        }

        var headers = e.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Value is { } bytes && bytes.Length >= search.Length && Utf8Text.IsText(bytes) && search.IsInUtf8(bytes))
            {
                return true;
            }
        }

        // The JSON view is what is searched (a decoded Avro or Protobuf value's raw bytes are not text); text payloads as they are.
        var payload = e.JsonPayload ?? (e.PayloadFormat == PayloadFormat.Text ? e.Payload : null);
        if (payload is not { Length: > 0 })
        {
            return false;
        }

        // A cut may split a multi-byte character at the end: it reads as U+FFFD, which only affects the last character.
        return search.IsInUtf8(payload.AsSpan(0, Math.Min(payload.Length, EventSelection.MaxScannedPayloadBytes)));
    }

    private static bool IsBlank(string? value) => string.IsNullOrEmpty(value);
}
