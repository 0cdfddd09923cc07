using EventObserver.Core.Groups;
using EventObserver.Storage.Groups;

namespace EventObserver.Storage.Tests.Groups;

public sealed class LiteDbLagHistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("eventobserver-lag-history-").FullName;

    [Fact]
    public void Read_AfterDisposeAndReopen_ReturnsTheSamplesWrittenBeforeOldestFirst()
    {
        var path = Path.Combine(_directory, LiteDbLagHistoryStore.DefaultFileName);
        using (var store = LiteDbLagHistoryStore.Open(path))
        {
            store.Append(Start.AddSeconds(10), [("billing", new LagSample(Start.AddSeconds(10), 12, 3.25)), ("shipping", new LagSample(Start.AddSeconds(10), 0, null))]);
            store.Append(Start, [("billing", new LagSample(Start, 40, 61.5))]);
        }

        using var reopened = LiteDbLagHistoryStore.Open(path);
        var billing = reopened.Read("billing", Start);
        var shipping = reopened.Read("shipping", Start);

        Assert.Equal([new LagSample(Start, 40, 61.5), new LagSample(Start.AddSeconds(10), 12, 3.25)], billing);
        Assert.Equal([new LagSample(Start.AddSeconds(10), 0, null)], shipping);
    }

    [Fact]
    public void Read_Since_LeavesOutOlderSamplesAndOtherGroups()
    {
        using var store = LiteDbLagHistoryStore.Open(Path.Combine(_directory, "h.db"));
        store.Append(Start, [("a", new LagSample(Start, 1, null)), ("b", new LagSample(Start, 2, null))]);
        store.Append(Start.AddMinutes(1), [("a", new LagSample(Start.AddMinutes(1), 3, null))]);

        Assert.Equal([3L], store.Read("a", Start.AddSeconds(30)).Select(s => s.TotalLag));
    }

    [Fact]
    public void Trim_Before_DeletesOnlyOlderSamples()
    {
        using var store = LiteDbLagHistoryStore.Open(Path.Combine(_directory, "h.db"));
        for (var minute = 0; minute < 5; minute++)
        {
            store.Append(Start.AddMinutes(minute), [("a", new LagSample(Start.AddMinutes(minute), minute, null))]);
        }

        store.Trim(Start.AddMinutes(3));

        Assert.Equal([3L, 4L], store.Read("a", DateTimeOffset.MinValue.AddYears(1970)).Select(s => s.TotalLag));
    }

    [Fact]
    public void PathNextTo_IndexFile_IsLagHistoryDbInTheSameFolder()
    {
        var index = Path.Combine(_directory, "data", "eventobserver.db");

        Assert.Equal(Path.Combine(_directory, "data", "lag-history.db"), LiteDbLagHistoryStore.PathNextTo(index));
    }

    [Fact]
    public void DeferredStore_UntilFirstUse_CreatesNoFileThenReadsWhatItWrote()
    {
        var path = Path.Combine(_directory, "deferred", LiteDbLagHistoryStore.DefaultFileName);
        using var store = new DeferredLagHistoryStore(path);
        var before = File.Exists(path);

        store.Append(Start, [("a", new LagSample(Start, 5, 2))]);

        Assert.False(before);
        Assert.True(File.Exists(path));
        Assert.Equal([new LagSample(Start, 5, 2)], store.Read("a", Start));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
