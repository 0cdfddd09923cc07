using System.Collections.Concurrent;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

namespace EventObserver.Tests.Claims;

/// <summary>
/// The app's real live feed, remembering the size of every batch ingestion publishes: ingestion publishes each
/// committed index batch as one, so this shows how <c>Kafka:MaxBatchSize</c> cut them.
/// </summary>
public sealed class BatchRecordingFeed(ILiveFeed inner) : ILiveFeed
{
    private readonly ConcurrentQueue<(string Topic, int Count)> _batches = new();

    public long TotalPublished => inner.TotalPublished;

    /// <summary>Sizes of the published batches holding events of <paramref name="topic"/>.</summary>
    public IReadOnlyList<int> BatchSizes(string topic) =>
        _batches.Where(b => b.Topic == topic).Select(b => b.Count).ToList();

    public void Publish(IReadOnlyList<EventEnvelope> batch)
    {
        foreach (var topic in batch.GroupBy(e => e.Topic))
        {
            _batches.Enqueue((topic.Key, topic.Count()));
        }


        inner.Publish(batch);
    }

    public IReadOnlyList<EventEnvelope> Recent(EventSelection filter, int max) => inner.Recent(filter, max);

    public IFeedSubscription Subscribe(EventSelection filter, int capacity = 10_000) => inner.Subscribe(filter, capacity);
}
