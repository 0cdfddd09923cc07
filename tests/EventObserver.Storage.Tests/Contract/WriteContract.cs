using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Writing batches: what is stored, idempotence on topic/partition/offset, checkpoints per partition.</summary>
public abstract class WriteContract(IndexEngine engine) : IndexContract(engine)
{
    [ContractFact]
    public void Write_NewBatch_StoresAllAndAdvancesCheckpointsPerPartition()
    {
        var index = Engine.Open();
        var batch = Envelopes.Range("orders", 0, 0, 9).Concat(Envelopes.Range("orders", 1, 5, 7)).ToList();

        var stored = index.Write(batch);

        Assert.Equal(13, stored);
        var checkpoints = index.GetCheckpoints();
        Assert.Equal(10, checkpoints[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(8, checkpoints[new TopicPartitionKey("orders", 1)]);
        Assert.Equal(13, index.GetStatistics().TotalEvents);
    }

    [ContractFact]
    public void Write_SameBatchTwice_SecondWriteStoresNothing()
    {
        var index = Engine.Open();
        var batch = Envelopes.Range("orders", 0, 0, 99);

        index.Write(batch);
        var second = index.Write(batch);

        Assert.Equal(0, second);
        Assert.Equal(100, index.GetStatistics().TotalEvents);
        Assert.Equal(100, index.Query(new EventSelection { Topics = ["orders"], Limit = 1000 }).Count);
    }

    [ContractFact]
    public void Write_OverlappingBatch_StoresOnlyTheNewPart()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 49));

        var stored = index.Write(Envelopes.Range("orders", 0, 40, 79));

        Assert.Equal(30, stored);
        var all = index.Query(new EventSelection { Topics = ["orders"], Limit = 1000 });
        Assert.Equal(80, all.Count);
        Assert.Equal(80, all.Select(e => e.Offset).Distinct().Count());
        Assert.Equal(80, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    [ContractFact]
    public void Write_DuplicateAndUnorderedOffsetsInOneBatch_StoresEachOffsetOnce()
    {
        var index = Engine.Open();
        var batch = new[] { 5L, 3, 5, 4, 3 }.Select(o => Envelopes.Event("orders", 0, o)).ToList();

        var stored = index.Write(batch);

        Assert.Equal(3, stored);
        Assert.Equal([5L, 4, 3], index.Query(new EventSelection { Topics = ["orders"] }).Select(e => e.Offset));
    }

    [ContractFact]
    public void Write_AfterReopen_SkipsWhatWasStoredAndTakesWhatFollows()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 49));
        index = Reopen(index);

        var stored = index.Write(Envelopes.Range("orders", 0, 25, 74));

        Assert.Equal(25, stored);
        Assert.Equal(75, index.GetStatistics().TotalEvents);
        Assert.Equal(Enumerable.Range(0, 75).Select(i => (long)i), index.ReadOldestFirst(new EventRange()).Select(e => e.Offset));
    }

    [ContractFact]
    public void Write_ManyPartitionsAndTopicsInOneBatch_StoresEachInItsPartition()
    {
        var index = Engine.Open();
        var batch = (from topic in new[] { "orders", "payments", "shipping" }
                     from partition in Enumerable.Range(0, 12)
                     from e in Envelopes.Range(topic, partition, 0, 9)
                     select e).ToList();

        var stored = index.Write(batch);

        Assert.Equal(360, stored);
        Assert.Equal(36, index.GetCheckpoints().Count);
        Assert.All(index.GetCheckpoints().Values, next => Assert.Equal(10, next));
        Assert.Equal(12, index.GetStatistics().Topics["payments"].PartitionsSeen);
        Assert.Equal("shipping-11-9", index.Get("shipping", 11, 9)?.MessageId);
    }
}
