using EventObserver.Access;
using EventObserver.Core.Conventions;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Conventions;

/// <summary>
/// Runs the conventions check over the newest indexed messages of a window, for the API and the panel; read through
/// <see cref="IndexReads"/> (off the caller's thread). Before any index is open the check finds nothing in the window,
/// as over an empty index. At most <see cref="MaxEvents"/> are read: the start is moved forward until the range fits
/// (<see cref="NewestWindow"/>), then the range is read oldest first. A check is for one user: only messages on topics
/// they may read are counted (<see cref="PermittedTopics"/>), so no other topic's name, source or type appears in it; it
/// carries no payload or header value, so there is nothing in it to mask.
/// </summary>
public sealed class ConventionQueries(IndexReads reads, TimeProvider time, int maxEvents = ConventionQueries.DefaultMaxEvents)
{
    public const int DefaultMaxEvents = TimeWindow.MaxEvents;

    /// <summary>The windows the check offers (and the only ones the API takes).</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } = [TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.OneHour;

    public int MaxEvents => maxEvents;

    public async Task<IndexRead<ConventionsSnapshot>> ReadAsync(TimeWindow window, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(access);
        var to = time.GetUtcNow();
        var from = to - window.Length;
        var read = await reads.RunAsync(index => Check(index, window, from, to, access), cancellationToken).ConfigureAwait(false);
        return read.Status == IndexReadStatus.NoIndex ? IndexRead<ConventionsSnapshot>.Of(Empty(window, from, to)) : read;
    }

    private ConventionsSnapshot Check(IEventIndex index, TimeWindow window, DateTimeOffset from, DateTimeOffset to, UserAccess access)
    {
        var topics = PermittedTopics.Of(index, access);
        if (topics.IsNone)
        {
            return Empty(window, from, to);
        }

        var selection = topics.Restrict(EventSelection.All);
        var readFrom = NewestWindow.StartHoldingAtMost(index, selection, from, to, maxEvents, out var inWindow);
        var analyzer = new ConventionsAnalyzer();
        var range = new EventRange { Selection = selection with { From = readFrom, To = to } };
        foreach (var envelope in index.ReadOldestFirst(range).Where(e => topics.CanRead(e.Topic)).Take(maxEvents))
        {
            analyzer.Add(envelope);
        }

        return new ConventionsSnapshot(window, from, to, inWindow, readFrom, inWindow > maxEvents, maxEvents, analyzer.Build());
    }

    private ConventionsSnapshot Empty(TimeWindow window, DateTimeOffset from, DateTimeOffset to) =>
        new(window, from, to, 0, from, false, maxEvents, ConventionsReport.Empty);
}
