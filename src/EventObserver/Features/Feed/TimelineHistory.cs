using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>
/// Counts a feed filter's events per second in the index for the timeline's window: one ordered range read per slice
/// of the window, the newest slice first, up to a cap of events, so a busy index costs a bounded read and the newest
/// part is always counted. Synchronous, like the index: <see cref="FeedQueries"/> runs it off the circuit thread.
/// </summary>
public static class TimelineHistory
{
    /// <summary>Most events one count reads (about a second of work on a slow machine).</summary>
    public const int DefaultMaxEvents = 100_000;

    public const int SliceSeconds = 30;

    private const int MaxTypes = 500;

    /// <summary>
    /// Per second from <paramref name="start"/> for <paramref name="seconds"/> seconds (and any newer event), for the
    /// events below the index's checkpoints when the count began.
    /// </summary>
    public static TimelineCounts Count(
        IEventIndex index, EventSelection filter, DateTimeOffset start, int seconds, int maxEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);

        // First the checkpoints: everything below them is in the index now, everything at or above arrives live.
        var ends = index.GetCheckpoints();
        var first = start.ToUnixTimeSeconds();
        var byTopic = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        var countedFrom = start;
        for (var sliceEnd = seconds; sliceEnd > 0; sliceEnd -= SliceSeconds)
        {
            var sliceStart = Math.Max(0, sliceEnd - SliceSeconds);
            var slice = new Dictionary<(string Topic, int Second), long>();
            var read = 0L;
            var newest = sliceEnd == seconds;
            var range = new EventRange { Selection = SliceOf(filter, start, sliceStart, sliceEnd, newest), EndOffsets = ends };
            foreach (var e in range.Selection.From > range.Selection.To ? [] : index.ReadOldestFirst(range))
            {
                if (++read % 1000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (total + read > maxEvents)
                {
                    return Done(start, byTopic, ends, total, start.AddSeconds(sliceEnd), types);
                }

                var second = (int)Math.Clamp((e.TimestampMs / 1000) - first, sliceStart, seconds - 1);
                slice[(e.Topic, second)] = slice.GetValueOrDefault((e.Topic, second)) + 1;
                if (!string.IsNullOrEmpty(e.MessageType) && types.Count < MaxTypes)
                {
                    types.Add(e.MessageType);
                }
            }

            foreach (var ((topic, second), count) in slice)
            {
                if (!byTopic.TryGetValue(topic, out var perSecond))
                {
                    perSecond = new long[seconds];
                    byTopic[topic] = perSecond;
                }

                perSecond[second] += count;
            }

            total += read;
        }

        return Done(start, byTopic, ends, total, countedFrom, types);
    }

    /// <summary>The filter within one slice (the newest slice open-ended: events stamped ahead of the clock count too).</summary>
    private static EventSelection SliceOf(EventSelection filter, DateTimeOffset start, int from, int to, bool newest)
    {
        var sliceFrom = start.AddSeconds(from);
        DateTimeOffset? sliceTo = newest ? null : start.AddSeconds(to).AddMilliseconds(-1);
        return filter with
        {
            From = filter.From is { } f && f > sliceFrom ? f : sliceFrom,
            To = sliceTo is null ? filter.To : filter.To is { } t && t < sliceTo ? t : sliceTo,
            Limit = null,
        };
    }

    private static TimelineCounts Done(
        DateTimeOffset start, Dictionary<string, long[]> byTopic, IReadOnlyDictionary<TopicPartitionKey, long> ends, long total,
        DateTimeOffset countedFrom, HashSet<string> types) =>
        new(start, byTopic, ends, total, countedFrom, [.. types.Order(StringComparer.Ordinal)]);
}
