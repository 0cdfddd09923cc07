using EventObserver.Core.Selection;
using EventObserver.Features.Topics;
using EventObserver.Shared;

namespace EventObserver.Features.Feed;

/// <summary>
/// The Feed feature's reads besides the live feed itself (<see cref="Core.Feed.ILiveFeed"/>): older events from the
/// index, read off the circuit thread through <see cref="IndexReads"/>, and the topics the filter bar offers.
/// </summary>
public sealed class FeedQueries(IndexReads reads, TopicQueries topics)
{
    /// <summary>
    /// Up to a page of events matching <paramref name="filter"/> at or before <paramref name="to"/> (null: from the newest),
    /// newest first, without the ids in <paramref name="known"/>. Before an index is open: an empty, exhausted page.
    /// </summary>
    public async Task<IndexRead<HistoryPage>> LoadOlderAsync(
        EventSelection filter, DateTimeOffset? to, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var read = await reads.RunAsync(index => FeedHistory.LoadOlder(index, filter, to, known.Contains), cancellationToken);
        return read.Status == IndexReadStatus.NoIndex ? IndexRead<HistoryPage>.Of(NothingOlder) : read;
    }

    /// <summary>Every topic known to the cluster or the index, by name.</summary>
    public async Task<IReadOnlyList<string>> TopicNamesAsync(CancellationToken cancellationToken) =>
        [.. (await topics.GetTopicsAsync(cancellationToken)).Select(t => t.Name)];

    private static HistoryPage NothingOlder => new([], 0, Exhausted: true, ScanLimitReached: false);
}
