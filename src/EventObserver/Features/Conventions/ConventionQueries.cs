using EventObserver.Core.Conventions;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Conventions;

/// <summary>
/// Runs the conventions check over the newest indexed messages of a window, for the API and the panel; read through
/// <see cref="IndexReads"/> (off the caller's thread). Before any index is open the check finds nothing in the window,
/// as over an empty index. At most <see cref="MaxEvents"/> are read: the start is moved forward until the range fits
/// (<see cref="NewestWindow"/>), then the range is read oldest first.
/// </summary>
public sealed class ConventionQueries(IndexReads reads, TimeProvider time, int maxEvents = ConventionQueries.DefaultMaxEvents)
{
    public const int DefaultMaxEvents = TimeWindow.MaxEvents;

    /// <summary>The windows the check offers (and the only ones the API takes).</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } = [TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.OneHour;

    public int MaxEvents => maxEvents;

    public async Task<IndexRead<ConventionsSnapshot>> ReadAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var to = time.GetUtcNow();
        var from = to - window.Length;
        var read = await reads.RunAsync(index => Check(index, window, from, to), cancellationToken).ConfigureAwait(false);
        return read.Status == IndexReadStatus.NoIndex
            ? IndexRead<ConventionsSnapshot>.Of(new ConventionsSnapshot(window, from, to, 0, from, false, maxEvents, ConventionsReport.Empty))
            : read;
    }

    private ConventionsSnapshot Check(IEventIndex index, TimeWindow window, DateTimeOffset from, DateTimeOffset to)
    {
        var readFrom = NewestWindow.StartHoldingAtMost(index, from, to, maxEvents, out var inWindow);
        var analyzer = new ConventionsAnalyzer();
        foreach (var envelope in index.ReadOldestFirst(Range(readFrom, to)).Take(maxEvents))
        {
            analyzer.Add(envelope);
        }

        return new ConventionsSnapshot(window, from, to, inWindow, readFrom, inWindow > maxEvents, maxEvents, analyzer.Build());
    }

    private static EventRange Range(DateTimeOffset from, DateTimeOffset to) => new() { Selection = new EventSelection { From = from, To = to } };
}
