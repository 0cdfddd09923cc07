using System.Collections.Concurrent;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Index;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>Commits announced by NOTIFY reach the other observers on the schema, read back from the index.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommitFeedTests(PostgresFixture fixture) : IDisposable
{
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public async Task ListenAsync_AnotherObserverCommits_ReceivesItsNewEventsInOffsetOrder()
    {
        // Arrange
        using var writer = _db.Open();
        using var listener = _db.Open();
        var received = new ConcurrentQueue<IReadOnlyList<EventEnvelope>>();
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource();
        var listen = listener.ListenAsync(received.Enqueue, listening.SetResult, stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Act: a batch over two partitions, then the same batch again (nothing new, so nothing announced).
        writer.Write([Event("orders", 1, 5), Event("orders", 0, 3), Event("orders", 0, 4), Event("payments", 0, 0)]);
        writer.Write([Event("orders", 0, 3)]);
        writer.Write([Event("orders", 0, 5)]);

        // Assert
        await Eventually.TrueAsync(() => received.Sum(b => b.Count) >= 5, "the other observer's commits in the feed", TimeSpan.FromSeconds(10));
        var batches = received.ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(["orders/0/3", "orders/0/4", "orders/1/5", "payments/0/0"], batches[0].Select(Position).Order(StringComparer.Ordinal));
        Assert.Equal(["orders/0/3", "orders/0/4"], batches[0].Where(e => e.Topic == "orders" && e.Partition == 0).Select(Position));
        Assert.Equal("orders/0/5", Position(Assert.Single(batches[1])));
        Assert.Equal("m-orders-0-4", batches[0].Single(e => e.Offset == 4).MessageId);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    [PostgresFact]
    public async Task ListenAsync_OwnCommits_AreNotDeliveredTwice()
    {
        using var index = _db.Open();
        using var other = _db.Open();
        var received = new ConcurrentQueue<IReadOnlyList<EventEnvelope>>();
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource();
        var listen = index.ListenAsync(received.Enqueue, listening.SetResult, stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

        index.Write([Event("orders", 0, 0)]);
        other.Write([Event("orders", 0, 1)]);

        // The other observer's commit comes after the own one on the same channel: once it is here, the own one was skipped.
        await Eventually.TrueAsync(() => !received.IsEmpty, "the other observer's commit", TimeSpan.FromSeconds(10));
        Assert.Equal("orders/0/1", Position(Assert.Single(Assert.Single(received))));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    [Fact]
    public void Payloads_ManyPartitions_SplitBelowPostgresLimitAndParseBack()
    {
        var events = Enumerable.Range(0, 400).Select(p => Event(new string('t', 200), p, 10 + p)).ToList();

        var payloads = CommitNotice.Payloads("observer-1", events);
        var ranges = payloads.Select(CommitNotice.Parse).SelectMany(n => n!.Ranges).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) <= CommitNotice.MaxPayloadBytes));
        Assert.All(payloads, p => Assert.Equal("observer-1", CommitNotice.Parse(p)!.ObserverId));
        Assert.Equal(400, ranges.Count);
        Assert.Equal(Enumerable.Range(0, 400), ranges.Select(r => r.Key.Partition).Order());
        Assert.All(ranges, r => Assert.Equal(10 + r.Key.Partition, r.First));
    }

    [Fact]
    public void Payloads_OnePartition_AnnouncesFirstAndLastOffset()
    {
        var payload = Assert.Single(CommitNotice.Payloads("o", [Event("a", 2, 9), Event("a", 2, 7), Event("a", 2, 8)]));

        var range = Assert.Single(CommitNotice.Parse(payload)!.Ranges);

        Assert.Equal(new CommitNotice.Range(new TopicPartitionKey("a", 2), 7, 9), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("observer-only")]
    [InlineData("o\norders\t0\t1")]
    [InlineData("o\norders\tx\t1\t2")]
    [InlineData("o\norders\t0\t-1\t2")]
    [InlineData("\norders\t0\t1\t2")]
    public void Parse_ForeignOrBrokenPayload_ReturnsNull(string payload) =>
        Assert.Null(CommitNotice.Parse(payload));

    private static string Position(EventEnvelope e) => $"{e.Topic}/{e.Partition}/{e.Offset}";

    private static EventEnvelope Event(string topic, int partition, long offset) => new()
    {
        Topic = topic, Partition = partition, Offset = offset, TimestampMs = 1_700_000_000_000 + offset,
        MessageId = $"m-{topic}-{partition}-{offset}", Payload = [7], PayloadFormat = PayloadFormat.Binary,
    };
}
