using System.Threading.Channels;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Feed;

/// <summary>
/// One subscriber's bounded queue. Publishing queues every event; the <see cref="Reader"/> applies the filter on
/// the subscriber's side. When the subscriber (or its filter) falls behind, the oldest queued events are dropped
/// before they are filtered and counted in <see cref="Dropped"/>, instead of stalling ingestion or growing memory.
/// </summary>
public interface IFeedSubscription : IDisposable
{
    EventSelection Filter { get; }

    /// <summary>Matching events in publish order, filtered as they are read (meant for one reader at a time).</summary>
    ChannelReader<EventEnvelope> Reader { get; }

    /// <summary>
    /// Events dropped for this subscriber so far because it did not keep up. They are dropped unfiltered, so the count
    /// may include events its filter would not have matched: an upper bound of what it missed.
    /// </summary>
    long Dropped { get; }
}
