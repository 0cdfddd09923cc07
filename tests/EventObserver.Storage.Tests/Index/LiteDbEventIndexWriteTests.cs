using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Index;

/// <summary>
/// LiteDB's own write paths: a failure injected inside its transaction (the internal <c>BeforeCommit</c> seam) and its
/// file path. What every engine does on write is in <c>Contract/WriteContract</c> and <c>Contract/AtomicityContract</c>.
/// </summary>
public sealed class LiteDbEventIndexWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

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
    public void Open_RelativePath_ResolvesAgainstWorkingDirectoryAndCreatesFolder()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), _dir.File(Path.Combine("nested", "deeper", "a.db")));

        using var index = LiteDbEventIndex.Open(relative);

        Assert.True(Path.IsPathRooted(index.FilePath));
        Assert.True(File.Exists(_dir.File(Path.Combine("nested", "deeper", "a.db"))));
    }
}
