using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using EventObserver.Features.Topics;
using EventObserver.Shared;

namespace EventObserver.Features.Feed;

/// <summary>
/// The Feed feature's reads, each as one user may see them (readable topics only, masked values): the live feed's
/// recent events and subscriptions (<see cref="ILiveFeed"/>), older events from the index, read off the circuit thread
/// through <see cref="IndexReads"/>, and the topics the filter bar offers.
/// </summary>
public sealed class FeedQueries(IndexReads reads, TopicQueries topics, ILiveFeed feed)
{
    /// <summary>Events published to the live feed since start, all topics (a count that names none).</summary>
    public long TotalPublished => feed.TotalPublished;

    /// <summary>The newest matching events of the live feed that <paramref name="access"/> may see, newest first.</summary>
    public IReadOnlyList<EventEnvelope> Recent(EventSelection filter, int max, UserAccess access) =>
        AccessFeed.Recent(feed, filter, max, reads.ViewFor(access));

    /// <summary>Every later matching event that <paramref name="access"/> may see, until disposed.</summary>
    public IFeedSubscription Subscribe(EventSelection filter, int capacity, UserAccess access) =>
        AccessFeed.Subscribe(feed, filter, capacity, reads.ViewFor(access));

    /// <summary>
    /// Up to a page of events matching <paramref name="filter"/> at or before <paramref name="to"/> (null: from the newest),
    /// newest first, without the ids in <paramref name="known"/>, of the topics <paramref name="access"/> may read. Before
    /// an index is open: an empty, exhausted page.
    /// </summary>
    public async Task<IndexRead<HistoryPage>> LoadOlderAsync(
        EventSelection filter, DateTimeOffset? to, IReadOnlySet<string> known, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var read = await reads.RunAsync(access, index => FeedHistory.LoadOlder(index, filter, to, known.Contains), cancellationToken);
        return read.Status == IndexReadStatus.NoIndex ? IndexRead<HistoryPage>.Of(NothingOlder) : read;
    }

    /// <summary>
    /// Matching events per second in the index from <paramref name="start"/> for <paramref name="seconds"/> seconds, of the
    /// topics <paramref name="access"/> may read (capped at <see cref="TimelineHistory.DefaultMaxEvents"/>, newest first).
    /// Before an index is open: no counts.
    /// </summary>
    public async Task<IndexRead<TimelineCounts>> CountPerSecondAsync(
        EventSelection filter, DateTimeOffset start, int seconds, UserAccess access, CancellationToken cancellationToken)
    {
        var read = await reads.RunAsync(
            access, index => TimelineHistory.Count(index, filter, start, seconds, TimelineHistory.DefaultMaxEvents, cancellationToken), cancellationToken);
        return read.Status == IndexReadStatus.NoIndex ? IndexRead<TimelineCounts>.Of(TimelineCounts.None(start)) : read;
    }

    /// <summary>Every topic known to the cluster or the index that <paramref name="access"/> may read, by name.</summary>
    public async Task<IReadOnlyList<string>> TopicNamesAsync(UserAccess access, CancellationToken cancellationToken) =>
        [.. (await topics.GetTopicsAsync(access, cancellationToken)).Select(t => t.Name)];

    private static HistoryPage NothingOlder => new([], 0, Exhausted: true, ScanLimitReached: false);
}
