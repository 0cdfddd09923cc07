using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Feed;

/// <summary>
/// The in-process live feed: ingestion publishes each batch after it is committed to the index;
/// UI components and the SignalR hub subscribe. Publishing never blocks on a slow subscriber.
/// </summary>
public interface ILiveFeed
{
    /// <summary>Events published since start.</summary>
    long TotalPublished { get; }

    /// <summary>Called after the batch is committed to the index (by <see cref="LiveFeedObserver"/>). Never blocks, never throws.</summary>
    void Publish(IReadOnlyList<EventEnvelope> batch);

    /// <summary>The most recent published events matching <paramref name="filter"/>, newest first (from the ring buffer).</summary>
    IReadOnlyList<EventEnvelope> Recent(EventSelection filter, int max);

    /// <summary>A subscription receiving every later matching event, until disposed.</summary>
    IFeedSubscription Subscribe(EventSelection filter, int capacity = 10_000);
}
