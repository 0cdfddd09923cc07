using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

/// <summary>
/// The index size the status bar shows: the file's length, which only grows, while LiteDB's log saws between empty and
/// ~8 MB (it is emptied into the file at each checkpoint). Their sum used to be shown and fell at every checkpoint.
/// </summary>
public sealed class IndexSizeStatisticsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Statistics_ManyCommitsThroughACheckpoint_FileSizeNeverFallsAndTheLogIsApart()
    {
        var path = _dir.File("a.db");
        using var index = LiteDbEventIndex.Open(path, time: _time);
        var checkpoints = 0;
        var previous = index.GetStatistics();

        // One small batch per commit, as ingestion writes under light traffic: every commit appends its pages to the log.
        for (var batch = 0; batch < 2_000 && checkpoints == 0; batch++)
        {
            index.Write(Envelopes.Range("orders", batch % 4, batch / 4 * 5, (batch / 4 * 5) + 4));
            _time.Advance(IndexFileSizes.MaxAge);
            var now = index.GetStatistics();

            Assert.True(now.FileSizeBytes >= previous.FileSizeBytes, $"the file shrank from {previous.FileSizeBytes} to {now.FileSizeBytes} bytes after batch {batch}");
            checkpoints += now.LogSizeBytes < previous.LogSizeBytes ? 1 : 0;
            previous = now;
        }

        Assert.True(checkpoints > 0, "the log was never emptied: no checkpoint happened, so the test proved nothing");
        Assert.Equal(new FileInfo(path).Length, previous.FileSizeBytes);
        Assert.Equal(new FileInfo(LiteDbEventIndex.LogFilePath(path)).Length, previous.LogSizeBytes);
    }
}
