using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Index;

public sealed class LiteDbEventIndexWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_NewBatch_StoresAllAndAdvancesCheckpointsPerPartition()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        var batch = Envelopes.Range("orders", 0, 0, 9).Concat(Envelopes.Range("orders", 1, 5, 7)).ToList();

        var stored = index.Write(batch);

        Assert.Equal(13, stored);
        var checkpoints = index.GetCheckpoints();
        Assert.Equal(10, checkpoints[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(8, checkpoints[new TopicPartitionKey("orders", 1)]);
        Assert.Equal(13, index.GetStatistics().TotalEvents);
    }

    [Fact]
    public void Write_SameBatchTwice_SecondWriteStoresNothing()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        var batch = Envelopes.Range("orders", 0, 0, 99);

        index.Write(batch);
        var second = index.Write(batch);

        Assert.Equal(0, second);
        Assert.Equal(100, index.GetStatistics().TotalEvents);
        Assert.Equal(100, index.Query(new EventSelection { Topics = ["orders"], Limit = 1000 }).Count);
    }

    [Fact]
    public void Write_OverlappingBatch_StoresOnlyTheNewPart()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        index.Write(Envelopes.Range("orders", 0, 0, 49));

        var stored = index.Write(Envelopes.Range("orders", 0, 40, 79));

        Assert.Equal(30, stored);
        var all = index.Query(new EventSelection { Topics = ["orders"], Limit = 1000 });
        Assert.Equal(80, all.Count);
        Assert.Equal(80, all.Select(e => e.Offset).Distinct().Count());
        Assert.Equal(80, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    [Fact]
    public void Write_DuplicateAndUnorderedOffsetsInOneBatch_StoresEachOffsetOnce()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        var batch = new[] { 5L, 3, 5, 4, 3 }.Select(o => Envelopes.Event("orders", 0, o)).ToList();

        var stored = index.Write(batch);

        Assert.Equal(3, stored);
        Assert.Equal([5L, 4, 3], index.Query(new EventSelection { Topics = ["orders"] }).Select(e => e.Offset));
    }

    [Fact]
    public void Write_OlderBatchAfterNewer_CheckpointNeverMovesBack()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        index.Write(Envelopes.Range("orders", 0, 100, 109));

        var stored = index.Write(Envelopes.Range("orders", 0, 0, 9));

        Assert.Equal(0, stored);
        Assert.Equal(110, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    [Fact]
    public void Write_FailureBeforeCommit_LeavesNeitherEventsNorCheckpoints()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 9));
            index.BeforeCommit = () => throw new IOException("disk gone");

            Assert.Throws<IOException>(() => index.Write(Envelopes.Range("orders", 0, 10, 600).Concat(Envelopes.Range("payments", 0, 0, 5)).ToList()));

            Assert.Equal(10, index.GetStatistics().TotalEvents);
            Assert.Equal(10, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
            Assert.Null(index.Get("orders", 0, 10));
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equal(10, reopened.GetStatistics().TotalEvents);
        Assert.Single(reopened.GetCheckpoints());
        Assert.Equal(10, reopened.Query(new EventSelection { Limit = 1000 }).Count);
        Assert.Null(reopened.Get("orders", 0, 10));
    }

    [Fact]
    public void Write_RetryAfterFailedCommit_StoresTheBatch()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        var batch = Envelopes.Range("orders", 0, 0, 9);
        index.BeforeCommit = () => throw new IOException("disk gone");
        Assert.Throws<IOException>(() => index.Write(batch));
        index.BeforeCommit = null;

        var stored = index.Write(batch);

        Assert.Equal(10, stored);
        Assert.Equal(10, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    [Fact]
    public void Open_AfterDispose_ResumesWithCheckpointsDataAndStatistics()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 299));
            index.Write(Envelopes.Range("orders", 2, 0, 9).Concat(Envelopes.Range("payments", 0, 0, 4)).ToList());
        }

        using var reopened = LiteDbEventIndex.Open(path);
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

    [Fact]
    public void Open_RelativePath_ResolvesAgainstWorkingDirectoryAndCreatesFolder()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), _dir.File(Path.Combine("nested", "deeper", "a.db")));

        using var index = LiteDbEventIndex.Open(relative);

        Assert.True(Path.IsPathRooted(index.FilePath));
        Assert.True(File.Exists(_dir.File(Path.Combine("nested", "deeper", "a.db"))));
    }
}
