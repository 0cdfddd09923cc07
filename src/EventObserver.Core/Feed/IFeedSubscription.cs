using System.Threading.Channels;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>
/// One subscriber's bounded queue. When the subscriber falls behind, the oldest queued events are
/// dropped and counted in <see cref="Dropped"/> instead of stalling ingestion or growing memory.
/// </summary>
public interface IFeedSubscription : IDisposable
{
    FeedFilter Filter { get; }

    /// <summary>Matching events in publish order.</summary>
    ChannelReader<EventEnvelope> Reader { get; }

    /// <summary>Events dropped for this subscriber so far because it did not keep up.</summary>
    long Dropped { get; }
}
