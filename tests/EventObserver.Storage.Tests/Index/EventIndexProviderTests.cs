using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

public sealed class EventIndexProviderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.File("eo.db");

    private string ArchiveDir => _dir.File("archive");

    [Fact]
    public void Constructor_NoFile_HasNoCurrentIndex()
    {
        using var provider = Create();

        Assert.Null(provider.Current);
        Assert.Null(provider.LastSwitch);
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public void TryGet_BeforeAndAfterOpenForCluster_ReportsTheCurrentIndex()
    {
        using var provider = Create();
        ICurrentIndex current = provider;

        var before = current.TryGet(out var none);
        var opened = current.OpenForCluster("cluster-a");
        var after = current.TryGet(out var index);

        Assert.False(before);
        Assert.Null(none);
        Assert.True(after);
        Assert.Same(opened, index);
    }

    [Fact]
    public void Constructor_ExistingFile_OpensItForBrowsing()
    {
        using (var first = Create())
        {
            first.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 0, 9));
        }

        using var provider = Create();

        Assert.NotNull(provider.Current);
        Assert.Equal("cluster-a", provider.Current.ClusterId);
        Assert.Equal(10, provider.Current.GetStatistics().TotalEvents);
    }

    [Fact]
    public void OpenForCluster_SameCluster_ReturnsTheSameIndexWithoutEvent()
    {
        using var provider = Create();
        var changes = 0;
        provider.Changed += _ => changes++;
        var first = provider.OpenForCluster("cluster-a");

        var second = provider.OpenForCluster("cluster-a");

        Assert.Same(first, second);
        Assert.Equal(1, changes);
        Assert.Null(provider.LastSwitch);
    }

    [Fact]
    public void OpenForCluster_OtherCluster_ArchivesOldFileAndStartsFresh()
    {
        using var provider = Create();
        provider.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 0, 9));
        IEventIndex? changed = null;
        provider.Changed += i => changed = i;
        _time.Advance(TimeSpan.FromMinutes(5));

        var fresh = provider.OpenForCluster("cluster-b");

        Assert.Same(fresh, provider.Current);
        Assert.Same(fresh, changed);
        Assert.Equal("cluster-b", fresh.ClusterId);
        Assert.Equal(0, fresh.GetStatistics().TotalEvents);
        Assert.Empty(fresh.GetCheckpoints());
        var notice = provider.LastSwitch;
        Assert.NotNull(notice);
        Assert.Equal("cluster-a", notice.PreviousClusterId);
        Assert.Equal("cluster-b", notice.NewClusterId);
        Assert.Equal(Path.Combine(ArchiveDir, "eo-cluster-a-20260301120500.db"), notice.ArchivedTo);
        Assert.Equal(Start.AddMinutes(5), notice.At);
        using var archived = LiteDbEventIndex.Open(notice.ArchivedTo);
        Assert.Equal(10, archived.GetStatistics().TotalEvents);
        Assert.Equal("cluster-a", archived.ClusterId);
    }

    [Fact]
    public void OpenForCluster_UnstampedEmptyFile_IsStampedInPlace()
    {
        LiteDbEventIndex.Open(DbPath).Dispose();
        using var provider = Create();

        var index = provider.OpenForCluster("cluster-a");

        Assert.Equal("cluster-a", index.ClusterId);
        Assert.Null(provider.LastSwitch);
        Assert.False(Directory.Exists(ArchiveDir));
    }

    [Fact]
    public void OpenForCluster_UnstampedFileWithEvents_IsArchivedAsUnknown()
    {
        using (var legacy = LiteDbEventIndex.Open(DbPath))
        {
            legacy.Write(Envelopes.Range("orders", 0, 0, 4));
        }

        using var provider = Create();
        Assert.Equal(5, provider.Current!.Query(new EventSelection()).Count);

        var index = provider.OpenForCluster("cluster-a");

        Assert.Equal(0, index.GetStatistics().TotalEvents);
        Assert.Equal("unknown", provider.LastSwitch!.PreviousClusterId);
        Assert.True(File.Exists(provider.LastSwitch.ArchivedTo));
    }

    [Fact]
    public void OpenForCluster_ManySwitches_KeepsOnlyTheNewestArchives()
    {
        using var provider = Create(keepArchives: 2);
        for (var i = 0; i < 5; i++)
        {
            provider.OpenForCluster($"cluster-{i}").Write(Envelopes.Range("orders", 0, 0, 0));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var archives = Directory.GetFiles(ArchiveDir).Select(Path.GetFileName).Order().ToList();

        Assert.Equal(["eo-cluster-2-20260301120300.db", "eo-cluster-3-20260301120400.db"], archives);
    }

    [Fact]
    public void Constructor_CorruptFile_ArchivesItAndStartsEmpty()
    {
        File.WriteAllBytes(DbPath, Enumerable.Repeat((byte)0x5A, 64 * 1024).ToArray());

        using var provider = Create();

        Assert.NotNull(provider.Current);
        Assert.Equal(0, provider.Current.GetStatistics().TotalEvents);
        Assert.Equal("corrupt", provider.LastSwitch!.PreviousClusterId);
        Assert.Contains("-corrupt-", provider.LastSwitch.ArchivedTo, StringComparison.Ordinal);
        Assert.Equal(64 * 1024, new FileInfo(provider.LastSwitch.ArchivedTo).Length);
        Assert.Equal(1, provider.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 0, 0)));
    }

    [Fact]
    public void OpenForCluster_ConcurrentCallers_GetOneIndex()
    {
        using var provider = Create();

        var results = new IEventIndex[8];
        Parallel.For(0, results.Length, i => results[i] = provider.OpenForCluster("cluster-a"));

        Assert.All(results, r => Assert.Same(results[0], r));
    }

    private EventIndexProvider Create(int keepArchives = 3) => new(
        Options.Create(new StorageOptions { Path = DbPath, KeepArchives = keepArchives }),
        NullLogger<EventIndexProvider>.Instance,
        _time);
}
