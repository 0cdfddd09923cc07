using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRangeTests(PostgresFixture fixture) : IDisposable
{
    private const long T = Envelopes.BaseTimestampMs;
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void ReadOldestFirst_PartitionsInOffsetOrder_MergedByTimestampThenTopicPartitionOffset()
    {
        using var index = _db.Open();
        index.Write(
        [
            // Within a partition the offset order wins even when a timestamp goes back (offset 1 is older than 0).
            Envelopes.Event("b", 0, 0, T + 5), Envelopes.Event("b", 0, 1, T + 1), Envelopes.Event("b", 0, 2, T + 9),
            Envelopes.Event("a", 0, 0, T + 3), Envelopes.Event("a", 0, 1, T + 5), Envelopes.Event("a", 1, 0, T + 5),
        ]);

        var read = index.ReadOldestFirst(new EventRange()).Select(e => e.Id).ToList();

        Assert.Equal(["a/0/0", "a/0/1", "a/1/0", "b/0/0", "b/0/1", "b/0/2"], read);
        Assert.Equal(6, index.Count(new EventRange()));
    }

    [PostgresFact]
    public void ReadOldestFirst_ManyPages_StreamsEveryEventOnceInOrder()
    {
        using var index = _db.Open();
        var events = Enumerable.Range(0, 3).SelectMany(p => Enumerable.Range(0, 1_400).Select(o => Envelopes.Event("orders", p, o, T + (o * 3) + p))).ToList();
        index.Write(events);

        var read = index.ReadOldestFirst(new EventRange()).ToList();

        Assert.Equal(4_200, read.Count);
        Assert.Equal(events.OrderBy(e => e.TimestampMs).Select(e => e.Id), read.Select(e => e.Id));
    }

    [PostgresFact]
    public void ReadOldestFirst_EndOffsetsAndSelection_ReadAFixedFilteredSet()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99).Concat(Envelopes.Range("orders", 1, 0, 99)).Concat(Envelopes.Range("payments", 0, 0, 9)).ToList());
        var range = new EventRange
        {
            Selection = new EventSelection { Topics = ["orders", "payments"], Text = "\"offset\":1" },
            EndOffsets = new Dictionary<TopicPartitionKey, long> { [new("orders", 0)] = 50, [new("payments", 0)] = 100 },
        };
        index.Write(Envelopes.Range("orders", 0, 100, 199)); // after the snapshot: not read

        var read = index.ReadOldestFirst(range).Select(e => e.Id).ToList();

        // "offset":1, "offset":10..19 of orders/0 (below 50) and "offset":1 of payments/0; orders/1 is not in the snapshot.
        Assert.Equal(12, read.Count);
        Assert.DoesNotContain(read, id => id.StartsWith("orders/1/", StringComparison.Ordinal));
        Assert.Equal(12, index.Count(range));
        Assert.Equal(50 + 10, index.Count(range with { Selection = new EventSelection { Topics = ["orders", "payments"] } }));
    }

    [PostgresFact]
    public void Count_RangesAndTime_CountExactly()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 999));

        Assert.Equal(101, index.Count(new EventRange { Selection = new EventSelection { Ranges = [new PartitionRange("orders", 0, 100, 200)] } }));
        Assert.Equal(500, index.Count(new EventRange { Selection = new EventSelection { From = DateTimeOffset.FromUnixTimeMilliseconds(T + 500) } }));
        Assert.Equal(
            [100L, 101, 102],
            index.ReadOldestFirst(new EventRange { Selection = new EventSelection { Ranges = [new PartitionRange("orders", 0, 100, 102)] } }).Select(e => e.Offset));
        Assert.Equal(0, index.Count(new EventRange { Selection = new EventSelection { Type = "Nope" } }));
    }

    [PostgresFact]
    public void Lineage_IdsAndDeadLetters_FoundOldestFirstWithExactCounts()
    {
        using var index = _db.Open();
        var cause = Envelopes.Event("orders", 0, 0, T, correlationId: "c");
        index.Write(
        [
            cause,
            Envelopes.Event("payments", 0, 0, T + 2, causationId: "orders-0-0", correlationId: "c"),
            Envelopes.Event("shipping", 0, 0, T + 1, causationId: "orders-0-0", correlationId: "c"),
            Envelopes.DeadLetter(cause, "orders.dlt", 0, 0, T + 3),
            Envelopes.DeadLetter(cause, "orders.dlq", 0, 0, T + 4, withPosition: false),
        ]);
        var lineage = index.Lineage;

        Assert.Equal(["shipping/0/0", "payments/0/0"], lineage.FindByCausationId("orders-0-0", 10).Select(e => e.Id));
        Assert.Equal(["shipping/0/0"], lineage.FindByCausationId("orders-0-0", 1).Select(e => e.Id));
        Assert.Equal(2, lineage.CountByCausationId("orders-0-0"));
        Assert.Equal(5, lineage.CountByCorrelationId("c")); // the dead-letter copies keep the correlation id
        Assert.Equal(["orders/0/0", "orders.dlt/0/0", "orders.dlq/0/0"], lineage.FindByMessageId("orders-0-0", 10).Select(e => e.Id));
        Assert.Equal(["orders.dlt/0/0"], lineage.FindDeadLettersOf(new EventPosition("orders", 0, 0), 10).Select(e => e.Id));
        Assert.Equal("orders/0/0", lineage.Get(new EventPosition("orders", 0, 0))!.Id);
        Assert.Empty(lineage.FindByCorrelationId("", 10));
        Assert.Equal(0, lineage.CountByCausationId("nothing"));
    }
}
