using EventObserver.Core.Conventions;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Conventions;

/// <summary>
/// Runs the conventions check over the newest indexed messages of a window, for the API and the panel. At most
/// <see cref="MaxEvents"/> are read: the start is moved forward until the range fits (<see cref="NewestWindow"/>),
/// then the range is read oldest first.
/// LiteDB is synchronous, so is this.
/// </summary>
public sealed class ConventionsReader(ICurrentIndex indexes, TimeProvider time, int maxEvents = ConventionsReader.DefaultMaxEvents)
{
    public const int DefaultMaxEvents = TimeWindow.MaxEvents;

    /// <summary>The windows the check offers (and the only ones the API takes).</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } = [TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.OneHour;

    public int MaxEvents => maxEvents;

    public ConventionsSnapshot Read(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var to = time.GetUtcNow();
        var from = to - window.Length;
        if (!indexes.TryGet(out var index))
        {
            return new ConventionsSnapshot(window, from, to, 0, from, false, maxEvents, ConventionsReport.Empty);
        }

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
