using EventObserver.Core.Conventions;
using EventObserver.Core.Querying;
using EventObserver.Storage.Index;

namespace EventObserver.Conventions;

/// <summary>
/// Runs the conventions check over the newest indexed messages of a window, for the API and the panel. At most
/// <see cref="MaxEvents"/> are read: the index counts a time range from chunk metadata (decoding only the chunks
/// cut by its edges), so the start is moved forward until the range fits, then the range is read oldest first.
/// LiteDB is synchronous, so is this.
/// </summary>
public sealed class ConventionsReader(EventIndexProvider provider, TimeProvider time, int maxEvents = ConventionsReader.DefaultMaxEvents)
{
    public const int DefaultMaxEvents = 200_000;

    /// <summary>Stop narrowing once the range holds at least this share of the cap: close enough, and fewer counts.</summary>
    private const double GoodEnough = 0.9;
    private const int MaxNarrowingSteps = 16;

    public int MaxEvents => maxEvents;

    public ConventionsSnapshot Read(ConventionWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var to = time.GetUtcNow();
        var from = to - window.Duration;
        if (provider.Current is not { } index)
        {
            return new ConventionsSnapshot(window, from, to, 0, from, false, maxEvents, ConventionsReport.Empty);
        }

        var inWindow = index.Count(Range(from, to));
        var readFrom = inWindow > maxEvents ? NarrowStart(index, from, to, inWindow) : from;
        var analyzer = new ConventionsAnalyzer();
        foreach (var envelope in index.ReadOldestFirst(Range(readFrom, to)).Take(maxEvents))
        {
            analyzer.Add(envelope);
        }

        return new ConventionsSnapshot(window, from, to, inWindow, readFrom, inWindow > maxEvents, maxEvents, analyzer.Build());
    }

    /// <summary>
    /// The earliest start (found by interpolating on counts, as traffic is roughly steady) whose range holds at most
    /// <see cref="MaxEvents"/> messages. <paramref name="from"/> holds more; <paramref name="to"/> holds none.
    /// </summary>
    private DateTimeOffset NarrowStart(IEventIndex index, DateTimeOffset from, DateTimeOffset to, long fromCount)
    {
        long lo = from.ToUnixTimeMilliseconds(), hi = to.ToUnixTimeMilliseconds();
        long loCount = fromCount, hiCount = 0;
        var target = maxEvents * (1 + GoodEnough) / 2;
        for (var step = 0; step < MaxNarrowingSteps && hi - lo > 1; step++)
        {
            var share = (loCount - target) / Math.Max(1, loCount - hiCount);
            var guess = Math.Clamp(lo + (long)((hi - lo) * share), lo + 1, hi - 1);

            // Interpolation alone can crawl from one side; every other step halves the bracket instead.
            if (step % 2 == 1)
            {
                guess = lo + ((hi - lo) / 2);
            }

            var count = index.Count(Range(DateTimeOffset.FromUnixTimeMilliseconds(guess), to));
            if (count > maxEvents)
            {
                (lo, loCount) = (guess, count);
                continue;
            }

            (hi, hiCount) = (guess, count);
            if (count >= maxEvents * GoodEnough)
            {
                break;
            }
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(hi);
    }

    private static EventRange Range(DateTimeOffset from, DateTimeOffset to) => new() { Filter = new EventQuery { From = from, To = to } };
}
