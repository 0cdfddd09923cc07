namespace EventObserver.Features.Feed;

/// <summary>How the <c>/hubs/events</c> hub batches and bounds what it sends (section <c>EventObserver:Feed:Hub</c>).</summary>
public sealed class FeedHubOptions
{
    /// <summary>Most events in one <c>ReceiveEvents</c> message.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest time the first event of a batch waits for more before the batch is sent.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A batch is sent once no further event arrived for this long (or when full, or at the interval).</summary>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Events queued per connection, before filtering, before the oldest are dropped.</summary>
    public int SubscriptionCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long a send may wait for the client (SignalR's own buffer is full). After that the send is left to
    /// finish on its own and further batches are dropped, and counted, until it has.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
