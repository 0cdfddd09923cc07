using EventObserver.Shared;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Shared;

public sealed class IndexReadsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EventIndexProvider _provider;
    private readonly IndexReads _reads;

    public IndexReadsTests()
    {
        _provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _dir.File("reads.db") }), NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        _reads = new IndexReads(_provider, NullLogger<IndexReads>.Instance);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task RunAsync_BeforeAnyIndexIsOpen_ReportsNoIndexWithoutCallingTheRead()
    {
        var called = false;

        var result = await _reads.RunAsync(_ => called = true, CancellationToken.None);

        Assert.Equal(IndexReadStatus.NoIndex, result.Status);
        Assert.False(called);
        Assert.Equal(-1, result.Select(_ => 1).ValueOr(-1));
    }

    [Fact]
    public async Task RunAsync_WithAnOpenIndex_ReturnsTheReadsValueFromThatIndex()
    {
        _provider.OpenForCluster("cluster-a");

        var result = await _reads.RunAsync(index => index.ClusterId, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("cluster-a", result.Value);
    }

    [Fact]
    public async Task RunAsync_IndexSwitchedDuringTheRead_RetriesOnceOnTheNewIndex()
    {
        _provider.OpenForCluster("cluster-a");
        var seen = new List<string>();

        var result = await _reads.RunAsync(
            index =>
            {
                seen.Add(index.ClusterId);
                if (seen.Count == 1)
                {
                    _provider.OpenForCluster("cluster-b");
                    throw new ObjectDisposedException("index");
                }

                return index.ClusterId;
            },
            CancellationToken.None);

        Assert.Equal(["cluster-a", "cluster-b"], seen);
        Assert.Equal("cluster-b", result.Value);
    }

    [Fact]
    public async Task RunAsync_ReadThatKeepsMeetingDisposedIndexes_ReportsNoIndexAfterOneRetry()
    {
        _provider.OpenForCluster("cluster-a");
        var calls = 0;

        var result = await _reads.RunAsync<int>(_ => { calls++; throw new ObjectDisposedException("index"); }, CancellationToken.None);

        Assert.Equal(IndexReadStatus.NoIndex, result.Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_ReadThrows_ReportsFailedWithTheMessage()
    {
        _provider.OpenForCluster("cluster-a");

        var result = await _reads.RunAsync<int>(_ => throw new InvalidOperationException("chunk 7 is unreadable"), CancellationToken.None);

        Assert.Equal(IndexReadStatus.Failed, result.Status);
        Assert.Equal("chunk 7 is unreadable", result.Error);
        Assert.Equal(5, result.ValueOr(5));
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeItRuns_Throws()
    {
        _provider.OpenForCluster("cluster-a");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _reads.RunAsync(index => index.ClusterId, cancelled.Token));
    }
}
