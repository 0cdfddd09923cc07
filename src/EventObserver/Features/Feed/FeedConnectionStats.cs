using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>One hub subscription's counters: events sent, dropped (queue full or client too slow) and queued now.</summary>
public sealed record FeedConnectionStats(string ConnectionId, EventSelection Filter, long Sent, long Dropped, int Queued);
