namespace EventObserver.Core.Metrics;

/// <summary>Counts live events a subscriber did not get into <c>eventobserver.feed.dropped_events</c>, by reason.</summary>
public static class FeedDrops
{
    /// <summary>The subscription's queue was full: its oldest events were dropped (a page or hub client reading too slowly).</summary>
    public static readonly KeyValuePair<string, object?> QueueFull = new(Instruments.ReasonTag, "queue_full");

    /// <summary>A hub client's previous send had not completed: the batch was dropped instead of queued in SignalR.</summary>
    public static readonly KeyValuePair<string, object?> ClientSlow = new(Instruments.ReasonTag, "client_slow");

    public static void Record(long events, KeyValuePair<string, object?> reason) => Instruments.FeedDroppedEvents.Add(events, reason);
}
