using EventObserver.Core.Indexing;

namespace EventObserver.Features.Feed;

/// <summary>
/// Matching events per second per topic read from the index for the timeline's window, from <see cref="Start"/>
/// (index 0 of each array); <see cref="EndOffsets"/> are the checkpoints the read stopped at, so live events at or
/// beyond them are counted live and the others not twice. <see cref="CountedFrom"/> is later than
/// <see cref="Start"/> when the read hit its cap (the older part is not counted).
/// </summary>
public sealed record TimelineCounts(
    DateTimeOffset Start,
    IReadOnlyDictionary<string, long[]> ByTopic,
    IReadOnlyDictionary<TopicPartitionKey, long> EndOffsets,
    long Events,
    DateTimeOffset CountedFrom,
    IReadOnlyCollection<string> Types)
{
    /// <summary>Nothing from the index (none open yet, or the read failed): every live event counts.</summary>
    public static TimelineCounts None(DateTimeOffset start) =>
        new(start, new Dictionary<string, long[]>(StringComparer.Ordinal), new Dictionary<TopicPartitionKey, long>(), 0, start, []);

    public bool Capped => CountedFrom > Start;
}
