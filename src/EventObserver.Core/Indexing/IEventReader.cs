using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Indexing;

/// <summary>The read side of the index. Synchronous (LiteDB is); thread-safe, readers run beside the one writer.</summary>
public interface IEventReader
{
    EventEnvelope? Get(string topic, int partition, long offset);

    /// <summary>Newest first, at most <see cref="EventSelection.Limit"/> (capped at <see cref="EventSelection.MaxLimit"/>).</summary>
    IReadOnlyList<EventEnvelope> Query(EventSelection selection);

    /// <summary>
    /// Every event of <paramref name="range"/>, streamed chunk by chunk (never all in memory): each partition in
    /// offset order, partitions merged by timestamp (then topic, partition, offset), so the oldest come first.
    /// Chunks deleted by retention while the enumeration runs are skipped.
    /// </summary>
    IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range);

    /// <summary>Exactly how many events <see cref="ReadOldestFirst"/> would give now.</summary>
    long Count(EventRange range);
}
