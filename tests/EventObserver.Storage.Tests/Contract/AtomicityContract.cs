using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// A write that fails before it commits leaves nothing: no event, no gap, no checkpoint moved, in the open index and
/// after a restart; and the index takes the next write. The failure comes from the input itself
/// (<see cref="FailingList{T}"/>, a null envelope), so no engine needs a fault hook.
/// </summary>
public abstract class AtomicityContract(IndexEngine engine) : IndexContract(engine)
{
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [ContractFact]
    public void Write_BatchFailingPartWay_LeavesNeitherEventsNorCheckpoints()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        var batch = Envelopes.Range("orders", 0, 10, 600).Concat(Envelopes.Range("payments", 0, 0, 5)).ToList();

        var failure = Record.Exception(() => index.Write(new FailingList<EventEnvelope>(batch, failAt: 593)));

        Assert.True(FailingList<EventEnvelope>.IsTheFailure(failure), $"expected the input's failure, got {failure}");
        AssertOnlyTheFirstTen(index);
        AssertOnlyTheFirstTen(Reopen(index));
    }

    [ContractFact]
    public void Write_GapsFailingAfterTheEvents_KeepNeitherEventsNorGapsNorCheckpoints()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        var gaps = new List<RetentionGap> { new("orders", 0, 10, 19, At), new("payments", 1, 0, 9, At) };

        var failure = Record.Exception(() => index.Write(Envelopes.Range("orders", 0, 20, 29), new FailingList<RetentionGap>(gaps, failAt: 1)));

        Assert.True(FailingList<RetentionGap>.IsTheFailure(failure), $"expected the input's failure, got {failure}");
        AssertOnlyTheFirstTen(index);
        var reopened = Reopen(index);
        AssertOnlyTheFirstTen(reopened);
        Assert.Empty(reopened.GetRetentionGaps());
        Assert.Equal(0, reopened.GetStatistics().MessagesLost);
    }

    [ContractFact]
    public void Write_NullEnvelopeAmongGoodOnes_IsRefusedAndStoresNothing()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        var batch = Envelopes.Range("orders", 0, 10, 300).Append(null!).Concat(Envelopes.Range("payments", 0, 0, 5)).ToList();

        Assert.ThrowsAny<Exception>(() => index.Write(batch));

        AssertOnlyTheFirstTen(index);
        AssertOnlyTheFirstTen(Reopen(index));
    }

    [ContractFact]
    public void Write_AfterAFailedWrite_StoresTheSameBatchWhole()
    {
        var index = Engine.Open();
        var batch = Envelopes.Range("orders", 0, 0, 299);
        Assert.ThrowsAny<Exception>(() => index.Write(new FailingList<EventEnvelope>(batch, failAt: 150)));

        var stored = index.Write(batch);

        Assert.Equal(300, stored);
        Assert.Equal(300, index.GetCheckpoints()[Orders0]);
        Assert.Equal(batch.Select(e => e.Id), index.ReadOldestFirst(new EventRange()).Select(e => e.Id));
    }

    [ContractFact]
    public void Write_FailureOnAPartitionNeverSeen_LeavesItUnknownEverywhere()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));

        Assert.ThrowsAny<Exception>(() => index.Write(new FailingList<EventEnvelope>(Envelopes.Range("payments", 4, 0, 99), failAt: 60)));

        Assert.DoesNotContain(new TopicPartitionKey("payments", 4), index.GetCheckpoints().Keys);
        Assert.Empty(index.GetPartitionRanges("payments"));
        Assert.Equal(0, index.GetStatistics().Topics.GetValueOrDefault("payments")?.Count ?? 0);
        Assert.Empty(index.Query(new EventSelection { Topics = ["payments"] }));
        Assert.Equal(0, index.Count(new EventRange { Selection = new EventSelection { Topics = ["payments"] } }));
    }

    private static void AssertOnlyTheFirstTen(IEventIndex index)
    {
        Assert.Equal(10, index.GetStatistics().TotalEvents);
        Assert.Equal([Orders0], index.GetCheckpoints().Keys);
        Assert.Equal(10, index.GetCheckpoints()[Orders0]);
        Assert.Equal(10, index.Query(new EventSelection { Limit = 1000 }).Count);
        Assert.Equal(10, index.Count(new EventRange()));
        Assert.Null(index.Get("orders", 0, 10));
        Assert.Null(index.Get("payments", 0, 0));
    }
}
