using Confluent.Kafka;
using EventObserver.Core.Envelopes;

namespace EventObserver.Kafka.Ingestion;

/// <summary>Copies a Confluent.Kafka record into Core's <see cref="RawRecord"/>, bytes untouched.</summary>
internal static class RecordConverter
{
    public static RawRecord ToRaw(ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        return new RawRecord
        {
            Topic = result.Topic,
            Partition = result.Partition.Value,
            Offset = result.Offset.Value,
            TimestampMs = message.Timestamp.UnixTimestampMs,
            TimestampKind = message.Timestamp.Type switch
            {
                TimestampType.CreateTime => TimestampKind.CreateTime,
                TimestampType.LogAppendTime => TimestampKind.LogAppendTime,
                _ => TimestampKind.NotAvailable,
            },
            Key = message.Key,
            Value = message.Value,
            Headers = ToHeaders(message.Headers),
        };
    }

    /// <summary>Used when the decoder fails: keeps the position and the bytes, nothing interpreted.</summary>
    public static EventEnvelope Fallback(RawRecord raw) => new()
    {
        Topic = raw.Topic,
        Partition = raw.Partition,
        Offset = raw.Offset,
        TimestampMs = raw.TimestampMs,
        TimestampKind = raw.TimestampKind,
        KeyBytes = raw.Key,
        Key = raw.Key is null ? null : Convert.ToHexStringLower(raw.Key),
        KeyFormat = raw.Key is null ? KeyFormat.None : KeyFormat.Hex,
        Headers = raw.Headers,
        Payload = raw.Value,
        PayloadFormat = raw.Value is null ? PayloadFormat.Tombstone : raw.Value.Length == 0 ? PayloadFormat.Empty : PayloadFormat.Binary,
        MessageId = EventPosition.Format(raw.Topic, raw.Partition, raw.Offset),
        MessageIdDerived = true,
    };

    private static IReadOnlyList<EnvelopeHeader> ToHeaders(Headers? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return [];
        }

        var result = new EnvelopeHeader[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            result[i] = new EnvelopeHeader(header.Key, header.GetValueBytes());
        }

        return result;
    }
}
