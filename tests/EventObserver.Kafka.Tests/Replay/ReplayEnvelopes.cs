using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Kafka.Tests.Replay;

/// <summary>Indexed-looking envelopes with awkward bytes: binary keys and values, duplicate and null headers, tombstones.</summary>
internal static class ReplayEnvelopes
{
    public static EventEnvelope Create(string topic, long offset, byte[]? key, byte[]? value, params EnvelopeHeader[] headers) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_760_000_000_000 + offset,
        KeyBytes = key,
        Key = key is null ? null : Convert.ToHexStringLower(key),
        KeyFormat = key is null ? KeyFormat.None : KeyFormat.Hex,
        Headers = headers,
        Payload = value,
        PayloadFormat = value is null ? PayloadFormat.Tombstone : PayloadFormat.Binary,
        MessageId = $"{topic}/0/{offset}",
        MessageType = "OrderPlaced",
    };

    public static List<EventEnvelope> Awkward(string topic) =>
    [
        Create(topic, 10, [0x00, 0xff, 0x10], Encoding.UTF8.GetBytes("""{"orderId":"o-1"}"""),
            new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes("m-1")), new EnvelopeHeader("dup", [1]), new EnvelopeHeader("dup", [2]),
            new EnvelopeHeader("null-value", null), new EnvelopeHeader("empty", [])),
        Create(topic, 11, null, [0x00, 0x01, 0xfe, 0xff, 0x80]),
        Create(topic, 12, Encoding.UTF8.GetBytes("o-2"), null, new EnvelopeHeader("binary", [0xde, 0xad, 0xbe, 0xef])),
        Create(topic, 13, Encoding.UTF8.GetBytes("o-3"), []),
    ];
}
