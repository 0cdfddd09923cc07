using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteTests(PostgresFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Get_EnvelopeWithOddHeadersAndDecoding_ReadsBackEveryFieldExactly()
    {
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var original = new EventEnvelope
        {
            Topic = "orders.dlt", Partition = 3, Offset = 42, TimestampMs = -1, TimestampKind = TimestampKind.LogAppendTime,
            KeyBytes = [0x00, 0xFF, 0x10], Key = "00ff10", KeyFormat = KeyFormat.Hex,
            KeyDecoding = new PayloadDecoding { Format = SchemaFormat.Avro, Status = DecodeStatus.Corrupt, Error = "bad varint" },
            Headers =
            [
                new EnvelopeHeader("dup", Encoding.UTF8.GetBytes("first")), new EnvelopeHeader("bin", binary),
                new EnvelopeHeader("dup", Encoding.UTF8.GetBytes("second")), new EnvelopeHeader("null", null),
                new EnvelopeHeader("empty", []), new EnvelopeHeader("ünïcode ✓", Encoding.UTF8.GetBytes("wert")),
            ],
            Payload = binary, PayloadFormat = PayloadFormat.Binary,
            DecodedPayload = Encoding.UTF8.GetBytes("{\"a\":1}"),
            Decoding = new PayloadDecoding
            {
                Format = SchemaFormat.Protobuf, Status = DecodeStatus.Decoded, SchemaId = 7, Subject = "orders-value", Version = 3,
                TypeName = "shop.OrderPlaced", SchemaFile = "orders.proto",
            },
            MessageId = "id\0with-nul", MessageIdDerived = true, MessageType = "OrderPlaced", Kind = MessageKind.Event,
            CorrelationId = "c", CausationId = "z", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", Source = "order-service",
            Subject = "order-9", DeadLetterOf = new DeadLetterOrigin("orders", 1, 17, "boom"),
        };

        using (var index = _db.Open())
        {
            Assert.Equal(1, index.Write([original]));
        }

        using var reopened = _db.Open();
        var stored = reopened.Get("orders.dlt", 3, 42);
        Assert.NotNull(stored);
        Assert.Equivalent(original, stored, strict: true);
        Assert.Null(stored.Headers[3].Value);
        Assert.Empty(stored.Headers[4].Value!);
        Assert.Equal("id\0with-nul", Assert.Single(reopened.Lineage.FindByMessageId("id\0with-nul", 5)).MessageId);
    }

    [PostgresFact]
    public void Get_TombstoneAndEmptyPayload_StayApart()
    {
        using var index = _db.Open();
        index.Write(
        [
            new EventEnvelope { Topic = "t", Partition = 0, Offset = 0, TimestampMs = 1, MessageId = "a", PayloadFormat = PayloadFormat.Tombstone },
            new EventEnvelope { Topic = "t", Partition = 0, Offset = 1, TimestampMs = 1, MessageId = "b", Payload = [], PayloadFormat = PayloadFormat.Empty },
        ]);

        Assert.Null(index.Get("t", 0, 0)!.Payload);
        Assert.Empty(index.Get("t", 0, 1)!.Payload!);
        Assert.Null(index.Get("t", 0, 2));
    }

    [PostgresFact]
    public void Write_NewBatch_StoresAllAndAdvancesCheckpointsPerPartition()
    {
        using var index = _db.Open();

        var stored = index.Write(Envelopes.Range("orders", 0, 0, 9).Concat(Envelopes.Range("orders", 1, 5, 7)).ToList());

        Assert.Equal(13, stored);
        Assert.Equal(10, index.GetCheckpoints()[Orders0]);
        Assert.Equal(8, index.GetCheckpoints()[new TopicPartitionKey("orders", 1)]);
        var statistics = index.GetStatistics();
        Assert.Equal(13, statistics.TotalEvents);
        Assert.Equal((13L, 2), (statistics.Topics["orders"].Count, statistics.Topics["orders"].PartitionsSeen));
        Assert.True(statistics.FileSizeBytes > 0);
    }

    [PostgresFact]
    public void Write_SameBatchTwiceAndOverlapping_StoresEachOffsetOnce()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 49));

        var again = index.Write(Envelopes.Range("orders", 0, 0, 49));
        var overlapping = index.Write(Envelopes.Range("orders", 0, 40, 79));
        var older = index.Write(Envelopes.Range("orders", 0, 0, 9));

        Assert.Equal((0, 30, 0), (again, overlapping, older));
        Assert.Equal(80, index.Query(new EventSelection { Limit = 1000 }).Select(e => e.Offset).Distinct().Count());
        Assert.Equal(80, index.GetStatistics().TotalEvents);
        Assert.Equal(80, index.GetCheckpoints()[Orders0]);
    }

    [PostgresFact]
    public void Write_DuplicateAndUnorderedOffsetsInOneBatch_StoresEachOffsetOnce()
    {
        using var index = _db.Open();

        var stored = index.Write(new[] { 5L, 3, 5, 4, 3 }.Select(o => Envelopes.Event("orders", 0, o)).ToList());

        Assert.Equal(3, stored);
        Assert.Equal([5L, 4, 3], index.Query(new EventSelection { Topics = ["orders"] }).Select(e => e.Offset));
    }

    [PostgresFact]
    public void Write_FailureBeforeCommit_LeavesNeitherEventsNorCheckpointsNorGaps()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        index.BeforeCommit = () => throw new IOException("disk gone");

        Assert.Throws<IOException>(() => index.Write(Envelopes.Range("orders", 0, 12, 600), [new RetentionGap("orders", 0, 10, 11, At)]));

        Assert.Equal(10, index.GetStatistics().TotalEvents);
        Assert.Equal(10, Assert.Single(index.GetCheckpoints()).Value);
        Assert.Empty(index.GetRetentionGaps());
        Assert.Null(index.Get("orders", 0, 12));
        index.BeforeCommit = null;
        Assert.Equal(589, index.Write(Envelopes.Range("orders", 0, 12, 600)));
    }

    [PostgresFact]
    public void Write_GapsWithAndWithoutEvents_MoveCheckpointsAndAreClipped()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 19));

        index.Write(Envelopes.Range("orders", 0, 35, 36), [new RetentionGap("orders", 0, 5, 9, At), new RetentionGap("orders", 0, 15, 34, At)]);
        index.Write([], [new RetentionGap("payments", 2, 0, 99, At.AddSeconds(1))]);

        Assert.Equal(37, index.GetCheckpoints()[Orders0]);
        Assert.Equal(100, index.GetCheckpoints()[new TopicPartitionKey("payments", 2)]);
        Assert.Equal([("payments", 0L, 99L), ("orders", 20L, 34L)], index.GetRetentionGaps().Select(g => (g.Topic, g.FirstOffset, g.LastOffset)));
        var statistics = index.GetStatistics();
        Assert.Equal((22L, 2L, 115L), (statistics.TotalEvents, statistics.RetentionGaps, statistics.MessagesLost));
        Assert.Equal((0L, 1, 100L), (statistics.Topics["payments"].Count, statistics.Topics["payments"].PartitionsSeen, statistics.Topics["payments"].LostToRetention));
        Assert.Single(index.GetRetentionGaps("orders"));
    }

    [PostgresFact]
    public void Write_TenThousandEventsInOneBatch_CopiesThemAll()
    {
        using var index = _db.Open();
        var batch = Enumerable.Range(0, 4).SelectMany(p => Envelopes.Range("orders", p, 0, 2_499)).ToList();

        var stored = index.Write(batch);

        Assert.Equal(10_000, stored);
        Assert.Equal(10_000L, _db.Scalar("SELECT count(*) FROM eventobserver.events"));
        Assert.Equal(10_000, index.GetStatistics().TotalEvents);
        var range = Assert.Single(index.GetPartitionRanges("orders"), r => r.Partition == 2);
        Assert.Equal((0L, 2_499L, 2_500L), (range.OldestOffset, range.NewestOffset, range.Count));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 2_499), range.NewestAt);
        Assert.Equal("orders-3-1234", index.Get("orders", 3, 1234)!.MessageId);
    }

    [PostgresFact]
    public void Write_IdsAndKeyOfTenKilobytes_AreStoredAndFound()
    {
        using var index = _db.Open();
        var id = new string('i', 10_000);
        var key = new string('k', 10_000);

        index.Write([Envelopes.Event("orders", 0, 0, key: key, correlationId: id, causationId: id, messageId: id, type: new string('T', 10_000))]);

        Assert.Equal(id, Assert.Single(index.Query(new EventSelection { Key = key, MessageId = id, CorrelationId = id, CausationId = id })).MessageId);
        Assert.Equal(1, index.Lineage.CountByCausationId(id));
    }
}
