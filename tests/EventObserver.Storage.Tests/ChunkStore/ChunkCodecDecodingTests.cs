using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.ChunkStore;

public sealed class ChunkCodecDecodingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Decode_DecodedValueAndKey_EveryFieldRoundTrips()
    {
        var original = Decoded(10);

        var stored = Assert.Single(RoundTrip([original]));

        Assert.Equivalent(original, stored, strict: true);
        Assert.Equal(original.DecodedPayload, stored.DecodedPayload);
        Assert.Equal(original.Decoding, stored.Decoding);
        Assert.Equal(original.KeyDecoding, stored.KeyDecoding);
        Assert.Equal("customer-7", stored.Key);
    }

    [Fact]
    public void Decode_FailedDecodingWithoutView_KeepsNullsAndStatus()
    {
        var original = new EventEnvelope
        {
            Topic = "payments", Partition = 0, Offset = 3, TimestampMs = 1, MessageId = "payments/0/3", MessageIdDerived = true,
            Payload = [0x00, 0x00, 0x00, 0x00, 0x2A, 0x01], PayloadFormat = PayloadFormat.Binary,
            Decoding = new PayloadDecoding { Format = SchemaFormat.Unknown, Status = DecodeStatus.SchemaUnavailable, SchemaId = 42, Error = "timeout" },
        };

        var stored = Assert.Single(RoundTrip([original]));

        Assert.Null(stored.DecodedPayload);
        Assert.Equal(original.Decoding, stored.Decoding);
        Assert.Null(stored.KeyDecoding);
    }

    [Fact]
    public void Encode_ChunkWithoutDecodedRecords_IsStillVersionOne()
    {
        var writer = new ChunkWriter();

        ChunkCodec.Encode([Envelopes.Event("orders", 0, 1)], 0, 1, writer);

        Assert.Equal(1, writer.ToArray()[0]);
    }

    [Fact]
    public void Encode_ChunkWithADecodedRecord_IsVersionTwo()
    {
        var writer = new ChunkWriter();

        ChunkCodec.Encode([Envelopes.Event("payments", 0, 1), Decoded(2)], 0, 2, writer);

        Assert.Equal(2, writer.ToArray()[0]);
    }

    [Fact]
    public void Decode_VersionOneChunkWrittenByAnOlderBuild_StillReads()
    {
        // version 1, one record: offset 5, timestamp 1000, create time + text key + event, JSON, key "k", no headers,
        // payload {}, id "m-1", type "T", five null strings.
        byte[] chunk =
        [
            0x01, 0x01,
            0x05, 0xD0, 0x0F, 0x45, 0x01, 0x02, (byte)'k', 0x00, 0x03, (byte)'{', (byte)'}',
            0x04, (byte)'m', (byte)'-', (byte)'1', 0x02, (byte)'T', 0x00, 0x00, 0x00, 0x00, 0x00,
        ];

        var e = Assert.Single(ChunkCodec.Decode(chunk, "orders", 0));

        Assert.Equal(5, e.Offset);
        Assert.Equal(1000, e.TimestampMs);
        Assert.Equal("k", e.Key);
        Assert.Equal(PayloadFormat.Json, e.PayloadFormat);
        Assert.Equal("m-1", e.MessageId);
        Assert.Equal("T", e.MessageType);
        Assert.Equal(MessageKind.Event, e.Kind);
        Assert.Null(e.Decoding);
        Assert.Null(e.DecodedPayload);
    }

    [Fact]
    public void Scanner_MixedChunk_StepsOverDecodedFields()
    {
        var deadLetter = new EventEnvelope
        {
            Topic = "payments", Partition = 0, Offset = 4, TimestampMs = 1, MessageId = "dl-4",
            DeadLetterOf = new DeadLetterOrigin("orders", 1, 2, "boom"),
            Decoding = new PayloadDecoding { Format = SchemaFormat.MessagePack },
            DecodedPayload = Encoding.UTF8.GetBytes("{}"),
        };
        EventEnvelope[] events = [Decoded(1), Envelopes.Event("payments", 0, 2, correlationId: "c-2"), Decoded(3), deadLetter];
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Length, writer);
        var data = writer.ToArray();

        var scanner = new ChunkScanner(data);
        var seen = new List<(long Offset, string Id, bool DeadLetter)>();
        while (scanner.MoveNext(out var record))
        {
            seen.Add((record.Offset, Encoding.UTF8.GetString(record.MessageId), record.IsDeadLetter));
            Assert.Equal(events[seen.Count - 1].Offset, ChunkCodec.DecodeAt(data, record.Start, "payments", 0).Offset);
        }

        Assert.Equal([(1, "pay-1", false), (2, "payments-0-2", false), (3, "pay-3", false), (4, "dl-4", true)], seen);
    }

    [Fact]
    public void Get_DecodedEnvelopeThroughTheIndex_RoundTrips()
    {
        var original = Decoded(9);
        var path = _dir.File("decoded.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            Assert.Equal(1, index.Write([original]));
        }

        using var reopened = LiteDbEventIndex.Open(path);
        var stored = reopened.Get("payments", 0, 9);

        Assert.NotNull(stored);
        Assert.Equivalent(original, stored, strict: true);
    }

    private static List<EventEnvelope> RoundTrip(EventEnvelope[] events)
    {
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Length, writer);
        return ChunkCodec.Decode(writer.ToArray(), events[0].Topic, events[0].Partition);
    }

    private static EventEnvelope Decoded(long offset) => new()
    {
        Topic = "payments",
        Partition = 0,
        Offset = offset,
        TimestampMs = Envelopes.BaseTimestampMs + offset,
        TimestampKind = TimestampKind.CreateTime,
        KeyBytes = [0x00, 0x00, 0x00, 0x00, 0x07, (byte)'"', (byte)'c', (byte)'"'],
        Key = "customer-7",
        KeyFormat = KeyFormat.Text,
        KeyDecoding = new PayloadDecoding { Format = SchemaFormat.Json, SchemaId = 7, Subject = "payments-key", Version = 1 },
        Headers = [new EnvelopeHeader("ce_type", Encoding.UTF8.GetBytes("PaymentCaptured"))],
        Payload = [0x00, 0x00, 0x00, 0x00, 0x0B, 0x06, (byte)'o', (byte)'-', (byte)'1'],
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = Encoding.UTF8.GetBytes("""{"orderId":"o-1","amount":"12.50"}"""),
        Decoding = new PayloadDecoding
        {
            Format = SchemaFormat.Avro,
            Status = DecodeStatus.SchemaMismatch,
            SchemaId = int.MaxValue,
            Subject = "payments-value",
            Version = 12,
            TypeName = "EventObserver.Demo.Payments.PaymentCaptured",
            Error = "2 bytes left after the datum",
            SchemaFile = "payment.avsc",
        },
        MessageId = $"pay-{offset}",
        MessageType = "PaymentCaptured",
        Kind = MessageKind.Event,
        CorrelationId = "o-1",
    };
}
