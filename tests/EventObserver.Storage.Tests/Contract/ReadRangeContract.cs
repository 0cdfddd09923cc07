using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>The index's ordered streaming read and exact count that replays and window pages use.</summary>
public abstract class ReadRangeContract : IndexContract
{
    private readonly IEventIndex _index;

    protected ReadRangeContract(IndexEngine engine)
        : base(engine)
    {
        _index = Engine.Open();
    }

    [ContractFact]
    public void ReadOldestFirst_WholeTopic_GivesEveryEventOnceInTimeOrder()
    {
        var seeded = Seed();

        var read = _index.ReadOldestFirst(new EventRange { Selection = new EventSelection { Topics = ["orders"] } }).ToList();

        Assert.Equal(seeded.Select(e => e.Id), read.Select(e => e.Id));
        Assert.Equal(1200, _index.Count(new EventRange { Selection = new EventSelection { Topics = ["orders"] } }));
    }

    [ContractFact]
    public void ReadOldestFirst_PartitionWithOlderTimestampsLater_KeepsOffsetOrderWithinThePartition()
    {
        _index.Write([Envelopes.Event("t", 0, 0, timestampMs: 50), Envelopes.Event("t", 0, 1, timestampMs: 10), Envelopes.Event("t", 1, 0, timestampMs: 20)]);

        var read = _index.ReadOldestFirst(new EventRange()).Select(e => e.Id).ToList();

        Assert.Equal(["t/1/0", "t/0/0", "t/0/1"], read);
    }

    [ContractFact]
    public void ReadOldestFirst_EqualTimestamps_OrderedByTopicPartitionOffset()
    {
        _index.Write([Envelopes.Event("b", 1, 0, timestampMs: 5), Envelopes.Event("a", 2, 0, timestampMs: 5), Envelopes.Event("b", 0, 0, timestampMs: 5)]);
        _index.Write([Envelopes.Event("a", 0, 0, timestampMs: 5), Envelopes.Event("a", 2, 1, timestampMs: 5)]);

        var read = _index.ReadOldestFirst(new EventRange()).Select(e => e.Id).ToList();

        Assert.Equal(["a/0/0", "a/2/0", "a/2/1", "b/0/0", "b/1/0"], read);
    }

    [ContractFact]
    public void Count_WithRecordFilters_MatchesWhatTheReadGives()
    {
        var seeded = Seed();
        var range = new EventRange { Selection = new EventSelection { Type = "OrderPlaced", Key = "k3" } };

        var read = _index.ReadOldestFirst(range).ToList();

        Assert.Equal(seeded.Where(e => e.MessageType == "OrderPlaced" && e.Key == "k3").Select(e => e.Id), read.Select(e => e.Id));
        Assert.Equal(read.Count, _index.Count(range));
    }

    [ContractFact]
    public void OffsetRanges_AndEndOffsets_BoundTheRead()
    {
        Seed();
        var range = new EventRange
        {
            Selection = new EventSelection { Ranges = [new PartitionRange("orders", 1, 250, 300), new PartitionRange("orders", 2, 0, 1)] },
            EndOffsets = new Dictionary<TopicPartitionKey, long> { [new("orders", 1)] = 260, [new("orders", 2)] = 400 },
        };

        var read = _index.ReadOldestFirst(range).Select(e => (e.Partition, e.Offset)).ToList();

        Assert.Equal([(2, 0L), (2, 1L), .. Enumerable.Range(250, 10).Select(o => (1, (long)o))], read);
        Assert.Equal(12, _index.Count(range));
    }

    [ContractFact]
    public void ReadOldestFirst_EndOffsetsTakenBeforeMoreWrites_ReadsTheSnapshotOnly()
    {
        Seed();
        var range = new EventRange { EndOffsets = _index.GetCheckpoints() };
        _index.Write(Envelopes.Range("orders", 0, 400, 449).Concat(Envelopes.Range("late", 0, 0, 9)).ToList());

        var read = _index.ReadOldestFirst(range).ToList();

        Assert.Equal(1200, read.Count);
        Assert.Equal(1200, _index.Count(range));
        Assert.DoesNotContain(read, e => e.Topic == "late" || e.Offset >= 400);
    }

    [ContractFact]
    public void ReadOldestFirst_RecordFilterMatchingInFewPlaces_GivesExactlyTheMatchesInTimeOrder()
    {
        // Matches at the first and last record of a storage unit, and units with no match at all, must neither lose
        // nor repeat an event.
        var rare = new HashSet<int> { 0, 2, 298, 299, 300, 301, 899 };
        var events = Enumerable.Range(0, 900)
            .Select(i => Envelopes.Event("orders", i % 3, i / 3, timestampMs: Envelopes.BaseTimestampMs + i, key: rare.Contains(i) ? "rare" : "common"))
            .ToList();
        foreach (var batch in events.Chunk(150))
        {
            _index.Write(batch);
        }

        var range = new EventRange { Selection = new EventSelection { Key = "rare" } };

        var read = _index.ReadOldestFirst(range).Select(e => e.Id).ToList();

        Assert.Equal(events.Where((_, i) => rare.Contains(i)).Select(e => e.Id), read);
        Assert.Equal(read.Count, _index.Count(range));
        Assert.Equal(events.Take(451).Select(e => e.Id), _index.ReadOldestFirst(new EventRange()).Take(451).Select(e => e.Id));
    }

    [ContractFact]
    public void ReadOldestFirst_UnknownTypeOrTopic_IsEmpty()
    {
        Seed();

        Assert.Empty(_index.ReadOldestFirst(new EventRange { Selection = new EventSelection { Type = "Never" } }));
        Assert.Equal(0, _index.Count(new EventRange { Selection = new EventSelection { Topics = ["nope"] } }));
    }

    /// <summary>1,200 events over three partitions, interleaved in time; every 3rd is an OrderPlaced.</summary>
    private List<EventEnvelope> Seed()
    {
        var events = Enumerable.Range(0, 1200)
            .Select(i => Envelopes.Event("orders", i % 3, i / 3, timestampMs: Envelopes.BaseTimestampMs + i,
                type: i % 3 == 0 ? "OrderPlaced" : "Other", key: $"k{i % 10}"))
            .ToList();
        foreach (var batch in events.Chunk(100))
        {
            _index.Write(batch);
        }

        return events;
    }
}
