using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>Evaluates a <see cref="FeedFilter"/> against one envelope; cheap checks first, the payload scan last.</summary>
internal static class FeedFilterMatcher
{
    public static bool Matches(FeedFilter filter, EventEnvelope e)
    {
        if (filter.Topics.Count > 0 && !ContainsTopic(filter.Topics, e.Topic))
        {
            return false;
        }

        if (filter.Kind is { } kind && e.Kind != kind)
        {
            return false;
        }

        if (!IsBlank(filter.Type) && !string.Equals(filter.Type, e.MessageType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!IsBlank(filter.Key) && !string.Equals(filter.Key, e.Key, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsBlank(filter.CorrelationId) && !string.Equals(filter.CorrelationId, e.CorrelationId, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsBlank(filter.Source) && !string.Equals(filter.Source, e.Source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!IsBlank(filter.HeaderName) && !HasHeader(e, filter.HeaderName!, filter.HeaderValue))
        {
            return false;
        }

        return filter.TextSearch is not { } search || ContainsText(e, search);
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

        if (e.Payload is not { Length: > 0 } payload || e.PayloadFormat is not (PayloadFormat.Json or PayloadFormat.Text))
        {
            return false;
        }

        // A cut may split a multi-byte character at the end: it reads as U+FFFD, which only affects the last character.
        return search.IsInUtf8(payload.AsSpan(0, Math.Min(payload.Length, FeedFilter.MaxScannedPayloadBytes)));
    }

    private static bool IsBlank(string? value) => string.IsNullOrEmpty(value);
}
