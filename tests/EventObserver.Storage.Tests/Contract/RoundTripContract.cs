using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Every field of an envelope comes back exactly after a restart: raw bytes, headers in order, ids, decoding.</summary>
public abstract class RoundTripContract(IndexEngine engine) : IndexContract(engine)
{
    [ContractFact]
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

    [ContractFact]
    public void Get_Tombstone_KeepsNullPayload()
    {
        var stored = WriteAndReopen(With(payload: null, PayloadFormat.Tombstone));

        Assert.Null(stored.Payload);
        Assert.Equal(PayloadFormat.Tombstone, stored.PayloadFormat);
    }

    [ContractFact]
    public void Get_EmptyPayload_IsNotATombstone()
    {
        var stored = WriteAndReopen(With(payload: [], PayloadFormat.Empty));

        Assert.NotNull(stored.Payload);
        Assert.Empty(stored.Payload);
        Assert.Equal(PayloadFormat.Empty, stored.PayloadFormat);
    }

    [ContractFact]
    public void Get_OneMegabytePayload_RoundTrips()
    {
        var big = new byte[1024 * 1024];
        new Random(7).NextBytes(big);

        var stored = WriteAndReopen(With(big, PayloadFormat.Binary));

        Assert.Equal(big, stored.Payload);
    }

    [ContractFact]
    public void Get_DeadLetterWithoutPartitionOrOffset_KeepsTheNulls()
    {
        var original = new EventEnvelope
        {
            Topic = "dlq", Partition = 0, Offset = 0, TimestampMs = 1, MessageId = "x",
            DeadLetterOf = new DeadLetterOrigin("orders", null, null, null),
        };

        var stored = WriteAndReopen(original);

        Assert.Equal(new DeadLetterOrigin("orders", null, null, null), stored.DeadLetterOf);
        Assert.Null(stored.KeyBytes);
        Assert.Null(stored.Key);
        Assert.Empty(stored.Headers);
    }

    [ContractFact]
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

    [ContractFact]
    public void Get_EveryRecordShapeAfterReopen_ReturnsEveryFieldExactly()
    {
        var events = RecordShapes.All("shapes");
        var index = Engine.Open();
        Assert.Equal(events.Count, index.Write(events));

        var reopened = Reopen(index);

        Assert.All(events, original => Assert.Equivalent(original, reopened.Get("shapes", 0, original.Offset), strict: true));
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
        var index = Engine.Open();
        Assert.Equal(1, index.Write([original]));

        var stored = Reopen(index).Get(original.Topic, original.Partition, original.Offset);

        Assert.NotNull(stored);
        return stored;
    }
}
