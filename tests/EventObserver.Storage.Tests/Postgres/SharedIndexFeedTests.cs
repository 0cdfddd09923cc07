using System.Collections.Concurrent;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Hosting;
using EventObserver.Storage.Postgres.Index;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Postgres;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>The hosted service that shows another observer's commits in this instance's feed and monitoring.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedIndexFeedTests(PostgresFixture fixture) : IDisposable
{
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public async Task OtherObserverCommits_ReachSharedObserversOnly()
    {
        // Arrange: this instance (provider, feed, observers) and another observer on the same schema.
        using var here = Provider();
        here.OpenForCluster("cluster-a");
        var shared = new Recorder();
        var ownOnly = new OwnOnly();
        using var feed = new SharedIndexFeed(here, [ownOnly, shared], TimeProvider.System, NullLogger<SharedIndexFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        using var elsewhere = Provider();
        var other = elsewhere.OpenForCluster("cluster-a");

        // Act: write until the listener is surely in place (a commit before the LISTEN is not announced to it), then once more.
        var next = 1000L;
        await Eventually.TrueAsync(() => shared.Count > 0, () => other.Write([Event(next++)]), "a first commit of the other observer");
        var second = next;
        other.Write([Event(second), Event(second + 1)]);
        await Eventually.TrueAsync(() => shared.Offsets.Contains(second + 1), "the second commit");
        await feed.StopAsync(CancellationToken.None);

        // Assert
        Assert.Contains(second, shared.Offsets);
        Assert.Equal(0, ownOnly.Calls);
    }

    [PostgresFact]
    public async Task IndexSwitchedToAnotherCluster_ListensOnTheNewIndex()
    {
        using var here = Provider();
        here.OpenForCluster("cluster-a");
        var shared = new Recorder();
        using var feed = new SharedIndexFeed(here, [shared], TimeProvider.System, NullLogger<SharedIndexFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);

        here.OpenForCluster("cluster-b");
        using var elsewhere = Provider();
        var other = elsewhere.OpenForCluster("cluster-b");
        var next = 0L;
        await Eventually.TrueAsync(() => shared.Count > 0, () => other.Write([Event(next++)]), "a commit on the new index");
        await feed.StopAsync(CancellationToken.None);

        Assert.True(shared.Count > 0);
    }

    private PostgresIndexProvider Provider() =>
        new(_db.ConnectionString, PostgresEventIndex.DefaultSchema, TimeProvider.System, NullLogger<PostgresIndexProvider>.Instance);

    private static EventEnvelope Event(long offset) => new()
    {
        Topic = "orders", Partition = 0, Offset = offset, TimestampMs = 1_700_000_000_000 + offset, MessageId = $"m{offset}",
        Payload = [1], PayloadFormat = PayloadFormat.Binary,
    };

    private sealed class Recorder : ISharedIndexBatchObserver
    {
        private readonly ConcurrentBag<long> _offsets = [];

        public int Count => _offsets.Count;

        public IReadOnlyCollection<long> Offsets => [.. _offsets];

        public void OnCommitted(IReadOnlyList<EventEnvelope> batch)
        {
            foreach (var e in batch)
            {
                _offsets.Add(e.Offset);
            }
        }
    }

    private sealed class OwnOnly : ICommittedBatchObserver
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => Interlocked.Increment(ref _calls);
    }
}
