using EventObserver.Core.Selection;

namespace EventObserver.Core.Indexing;

/// <summary>
/// The newest part of a time window that holds at most a given number of messages, for pages that analyse a window
/// (flow map, conventions) and must not decode a whole busy day. Found on the index's exact counts, which chunk
/// metadata answers for every chunk the range does not cut.
/// </summary>
public static class NewestWindow
{
    /// <summary>Stop narrowing once the range holds at least this share of the cap: close enough, and fewer counts.</summary>
    private const double GoodEnough = 0.9;
    private const int MaxSteps = 24;

    /// <summary>
    /// The start of the newest range within [<paramref name="from"/>, <paramref name="to"/>] holding at most
    /// <paramref name="maxEvents"/> messages; <paramref name="from"/> itself when the whole window fits.
    /// <paramref name="inWindow"/> is how many the whole window holds.
    /// </summary>
    public static DateTimeOffset StartHoldingAtMost(IEventReader index, DateTimeOffset from, DateTimeOffset to, int maxEvents, out long inWindow) =>
        StartHoldingAtMost(index, EventSelection.All, from, to, maxEvents, out inWindow);

    /// <summary>
    /// Like <see cref="StartHoldingAtMost(IEventReader, DateTimeOffset, DateTimeOffset, int, out long)"/>, counting only the
    /// events of <paramref name="within"/> (say, the topics one user may read); its own time bounds are replaced.
    /// </summary>
    public static DateTimeOffset StartHoldingAtMost(
        IEventReader index, EventSelection within, DateTimeOffset from, DateTimeOffset to, int maxEvents, out long inWindow)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(within);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        var fromCount = inWindow = index.Count(Range(within, from, to));
        if (fromCount <= maxEvents)
        {
            return from;
        }

        long lo = from.ToUnixTimeMilliseconds(), hi = to.ToUnixTimeMilliseconds();
        long loCount = fromCount, hiCount = 0;
        var target = maxEvents * (1 + GoodEnough) / 2;
        for (var step = 0; step < MaxSteps && hi - lo > 1; step++)
        {
            // Interpolating on counts (traffic is roughly steady) usually lands close; alone it can crawl from one
            // side, so every other step halves the bracket instead.
            var share = (loCount - target) / Math.Max(1, loCount - hiCount);
            var guess = step % 2 == 1
                ? lo + ((hi - lo) / 2)
                : Math.Clamp(lo + (long)((hi - lo) * share), lo + 1, hi - 1);
            var count = index.Count(Range(within, DateTimeOffset.FromUnixTimeMilliseconds(guess), to));
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

    private static EventRange Range(EventSelection within, DateTimeOffset from, DateTimeOffset to) =>
        new() { Selection = within with { From = from, To = to, Limit = null } };
}
