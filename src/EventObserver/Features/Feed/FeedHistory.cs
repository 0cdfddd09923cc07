using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>
/// Pages back through the index for a feed filter. Topics, kind, type, key, ids, time and ranges go to the
/// index; source, header and free text are not indexed (<see cref="EventSelection.NeedsScan"/>), so those pages are
/// read and filtered here, up to a scan limit per request. Synchronous, like the index: <see cref="FeedQueries"/> runs it
/// off the circuit thread.
/// </summary>
public static class FeedHistory
{
    public const int DefaultPageSize = 200;
    public const int DefaultScanLimit = 5_000;

    /// <summary>True when part of the filter is checked in memory after reading index pages.</summary>
    public static bool NeedsScan(EventSelection filter) => filter.NeedsScan;

    /// <summary>The part of the filter the index answers, for one topic (or all when null), at or before <paramref name="to"/>.</summary>
    public static EventSelection ToQuery(EventSelection filter, string? topic, DateTimeOffset? to, int limit) =>
        filter.WithoutScannedParts() with
        {
            Topics = topic is null ? filter.Topics : [topic],
            To = to is { } cursor && (filter.To is null || cursor < filter.To) ? cursor : filter.To,
            Limit = Math.Clamp(limit, 1, EventSelection.MaxLimit),
        };

    /// <summary>
    /// Up to <paramref name="want"/> events matching <paramref name="filter"/> at or before <paramref name="to"/>
    /// (null: from the newest), skipping ids in <paramref name="known"/>, newest first.
    /// </summary>
    public static HistoryPage LoadOlder(
        IEventIndex index, EventSelection filter, DateTimeOffset? to, Func<string, bool> known, int want = DefaultPageSize, int scanLimit = DefaultScanLimit)
    {
        ArgumentNullException.ThrowIfNull(index);
        IReadOnlyList<string?> topics = filter.Topics.Count == 0 ? [null] : [.. filter.Topics];
        var found = new List<EventEnvelope>();
        var scanned = 0;
        var exhausted = true;
        var limited = false;
        foreach (var topic in topics)
        {
            var part = LoadTopic(index, filter, topic, to, known, want, Math.Max(1, scanLimit / topics.Count));
            found.AddRange(part.Events);
            scanned += part.Scanned;
            exhausted &= part.Exhausted;
            limited |= part.ScanLimitReached;
        }

        var newestFirst = found
            .OrderByDescending(e => e.TimestampMs)
            .ThenBy(e => e.Topic, StringComparer.Ordinal)
            .ThenByDescending(e => e.Partition)
            .ThenByDescending(e => e.Offset)
            .Take(want)
            .ToList();
        return new HistoryPage(newestFirst, scanned, exhausted && found.Count <= want, limited);
    }

    private static HistoryPage LoadTopic(
        IEventIndex index, EventSelection filter, string? topic, DateTimeOffset? to, Func<string, bool> known, int want, int scanLimit)
    {
        var scan = NeedsScan(filter);
        var pageSize = scan ? EventSelection.MaxLimit : Math.Min(EventSelection.MaxLimit, want + 50);
        var found = new List<EventEnvelope>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scanned = 0;
        var cursor = to;
        while (true)
        {
            var page = index.Query(ToQuery(filter, topic, cursor, pageSize));
            var progressed = false;
            foreach (var e in page)
            {
                if (!seen.Add(e.Id))
                {
                    continue;
                }

                progressed = true;
                scanned++;
                if (!known(e.Id) && (!scan || filter.Matches(e)))
                {
                    found.Add(e);
                }
            }

            if (page.Count < pageSize)
            {
                return new HistoryPage(found, scanned, Exhausted: true, ScanLimitReached: false);
            }

            if (found.Count >= want)
            {
                return new HistoryPage(found, scanned, Exhausted: false, ScanLimitReached: false);
            }

            if (scanned >= scanLimit)
            {
                return new HistoryPage(found, scanned, Exhausted: false, ScanLimitReached: true);
            }

            // 'To' is inclusive: the next page starts at the oldest millisecond seen (duplicates skipped above);
            // when one millisecond holds a whole page, step past it.
            var oldest = DateTimeOffset.FromUnixTimeMilliseconds(page[^1].TimestampMs);
            cursor = progressed ? oldest : oldest.AddMilliseconds(-1);
        }
    }
}
