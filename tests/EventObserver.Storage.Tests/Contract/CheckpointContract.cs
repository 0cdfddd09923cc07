using EventObserver.Core.Indexing;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Checkpoints: where ingestion resumes, committed with the events and kept across a restart.</summary>
public abstract class CheckpointContract(IndexEngine engine) : IndexContract(engine)
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [ContractFact]
    public void GetCheckpoints_NewStore_IsEmpty()
    {
        var index = Engine.Open();

        Assert.Empty(index.GetCheckpoints());
        Assert.Equal(0, index.GetStatistics().TotalEvents);
    }

    [ContractFact]
    public void Write_OlderBatchAfterNewer_CheckpointNeverMovesBack()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 100, 109));

        var stored = index.Write(Envelopes.Range("orders", 0, 0, 9));

        Assert.Equal(0, stored);
        Assert.Equal(110, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    [ContractFact]
    public void Open_AfterClose_ResumesWithCheckpointsDataAndStatistics()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 299));
        index.Write(Envelopes.Range("orders", 2, 0, 9).Concat(Envelopes.Range("payments", 0, 0, 4)).ToList());

        var reopened = Reopen(index);

        var checkpoints = reopened.GetCheckpoints();
        Assert.Equal(300, checkpoints[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(10, checkpoints[new TopicPartitionKey("orders", 2)]);
        Assert.Equal(5, checkpoints[new TopicPartitionKey("payments", 0)]);
        var stats = reopened.GetStatistics();
        Assert.Equal(315, stats.TotalEvents);
        Assert.Equal(310, stats.Topics["orders"].Count);
        Assert.Equal(2, stats.Topics["orders"].PartitionsSeen);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 299), stats.Topics["orders"].LastEventAt);
        Assert.True(stats.FileSizeBytes > 0);
        Assert.Equal("orders-0-150", reopened.Get("orders", 0, 150)?.MessageId);
        Assert.Equal(0, reopened.Write(Envelopes.Range("orders", 0, 0, 299)));
        Assert.Equal(1, reopened.Write([Envelopes.Event("orders", 0, 300)]));
    }

    [ContractFact]
    public void GetCheckpoints_AfterReopen_KeepEveryPartitionExactlyAsCommitted()
    {
        var index = Engine.Open();
        var expected = new Dictionary<TopicPartitionKey, long>();
        foreach (var topic in new[] { "orders", "payments", "orders.DLT" })
        {
            for (var partition = 0; partition < 12; partition++)
            {
                // Offsets far beyond what an int holds, different per partition.
                var first = 5_000_000_000L * (partition + 1) + topic.Length;
                index.Write(Envelopes.Range(topic, partition, first, first + partition));
                expected[new TopicPartitionKey(topic, partition)] = first + partition + 1;
            }
        }

        var reopened = Reopen(index);

        Assert.Equal(expected.OrderBy(p => p.Key.ToString()), reopened.GetCheckpoints().OrderBy(p => p.Key.ToString()));
    }

    [ContractFact]
    public void GetCheckpoints_PartitionThatOnlyHadAGap_IsKeptAcrossReopen()
    {
        var index = Engine.Open();
        index.Write([], [new RetentionGap("payments", 3, 0, 41, At)]);

        var reopened = Reopen(index);

        Assert.Equal(42, reopened.GetCheckpoints()[new TopicPartitionKey("payments", 3)]);
        Assert.Empty(reopened.GetPartitionRanges("payments"));
        Assert.Equal(0, reopened.Write(Envelopes.Range("payments", 3, 40, 41)));
        Assert.Equal(1, reopened.Write(Envelopes.Range("payments", 3, 40, 42)));
    }

    [ContractFact]
    public void GetCheckpoints_AfterRetentionEmptiedAPartitionAndReopen_StayWhereTheyWere()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99));
        index.ApplyRetention(new RetentionPolicy(MaxEvents: null, MaxAge: TimeSpan.FromMinutes(1)), DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs).AddDays(1));

        var reopened = Reopen(index);

        Assert.Equal(0, reopened.GetStatistics().TotalEvents);
        Assert.Equal(100, reopened.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(0, reopened.Write(Envelopes.Range("orders", 0, 0, 99)));
    }

    [ContractFact]
    public void GetCheckpoints_TakenBeforeAWrite_IsASnapshotTheWriteDoesNotChange()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        var before = index.GetCheckpoints();

        index.Write(Envelopes.Range("orders", 0, 10, 19));

        Assert.Equal(10, before[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(20, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }
}
