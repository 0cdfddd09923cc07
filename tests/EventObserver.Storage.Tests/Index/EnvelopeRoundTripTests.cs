using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Index;

public sealed class EnvelopeRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Get_EnvelopeWithOddHeaders_ReturnsEveryFieldExactly()
    {
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var original = new EventEnvelope
        {
            Topic = "orders.dlt",
            Partition = 3,
            Offset = 42,
            TimestampMs = -1,
            TimestampKind = TimestampKind.LogAppendTime,
            KeyBytes = [0x00, 0xFF, 0x10],
            Key = "00ff10",
            KeyFormat = KeyFormat.Hex,
            Headers =
            [
                new EnvelopeHeader("dup", Encoding.UTF8.GetBytes("first")),
                new EnvelopeHeader("bin", binary),
                new EnvelopeHeader("dup", Encoding.UTF8.GetBytes("second")),
                new EnvelopeHeader("null", null),
                new EnvelopeHeader("empty", []),
                new EnvelopeHeader("ünïcode ✓", Encoding.UTF8.GetBytes("wert")),
            ],
            Payload = binary,
            PayloadFormat = PayloadFormat.Binary,
            MessageId = "orders.dlt/3/42",
            MessageIdDerived = true,
            MessageType = "OrderPlaced",
            Kind = MessageKind.Event,
            CorrelationId = "c",
            CausationId = "z",
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Source = "order-service",
            Subject = "order-9",
            DeadLetterOf = new DeadLetterOrigin("orders", 1, 17, "boom"),
        };

        var stored = WriteAndReopen(original);

        Assert.Equivalent(original, stored, strict: true);
        Assert.Equal(["dup", "bin", "dup", "null", "empty", "ünïcode ✓"], stored.Headers.Select(h => h.Key));
        Assert.Null(stored.Headers[3].Value);
        Assert.NotNull(stored.Headers[4].Value);
        Assert.Empty(stored.Headers[4].Value!);
        Assert.Equal(binary, stored.Payload);
    }

    [Fact]
    public void Get_Tombstone_KeepsNullPayload()
    {
        var stored = WriteAndReopen(With(payload: null, PayloadFormat.Tombstone));

        Assert.Null(stored.Payload);
        Assert.Equal(PayloadFormat.Tombstone, stored.PayloadFormat);
    }

    [Fact]
    public void Get_EmptyPayload_IsNotATombstone()
    {
        var stored = WriteAndReopen(With(payload: [], PayloadFormat.Empty));

        Assert.NotNull(stored.Payload);
        Assert.Empty(stored.Payload);
        Assert.Equal(PayloadFormat.Empty, stored.PayloadFormat);
    }

    [Fact]
    public void Get_OneMegabytePayload_RoundTrips()
    {
        var big = new byte[1024 * 1024];
        new Random(7).NextBytes(big);

        var stored = WriteAndReopen(With(big, PayloadFormat.Binary));

        Assert.Equal(big, stored.Payload);
    }

    [Fact]
    public void Get_DeadLetterWithoutPartitionOrOffset_KeepsTheNulls()
    {
        var original = Envelopes.Event("dlq", 0, 0);
        original = new EventEnvelope
        {
            Topic = original.Topic, Partition = 0, Offset = 0, TimestampMs = 1, MessageId = "x",
            DeadLetterOf = new DeadLetterOrigin("orders", null, null, null),
        };

        var stored = WriteAndReopen(original);

        Assert.Equal(new DeadLetterOrigin("orders", null, null, null), stored.DeadLetterOf);
        Assert.Null(stored.KeyBytes);
        Assert.Null(stored.Key);
        Assert.Empty(stored.Headers);
    }

    [Fact]
    public void Get_TextKeyThatDiffersFromItsBytes_KeepsTheGivenKey()
    {
        var original = new EventEnvelope
        {
            Topic = "t", Partition = 0, Offset = 0, TimestampMs = 1, MessageId = "x",
            KeyBytes = [0xC3], Key = "\uFFFD-custom", KeyFormat = KeyFormat.Text,
        };

        var stored = WriteAndReopen(original);

        Assert.Equal("\uFFFD-custom", stored.Key);
        Assert.Equal(new byte[] { 0xC3 }, stored.KeyBytes);
    }

    private static EventEnvelope With(byte[]? payload, PayloadFormat format) => new()
    {
        Topic = "t",
        Partition = 0,
        Offset = 7,
        TimestampMs = Envelopes.BaseTimestampMs,
        MessageId = "id-7",
        Payload = payload,
        PayloadFormat = format,
    };

    private EventEnvelope WriteAndReopen(EventEnvelope original)
    {
        var path = _dir.File("rt.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            Assert.Equal(1, index.Write([original]));
        }

        using var reopened = LiteDbEventIndex.Open(path);
        var stored = reopened.Get(original.Topic, original.Partition, original.Offset);
        Assert.NotNull(stored);
        return stored;
    }
}
