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
