using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Replay.Runs;

/// <summary>A selection resolved against the index at one moment: the frozen range, and how many events it gives.</summary>
public sealed class ResolvedSelection
{
    private ResolvedSelection(IEventIndex index, EventSelection selection, EventRange range, long matching)
    {
        Index = index;
        Selection = selection;
        Range = range;
        Matching = matching;
        Total = selection.Limit is { } limit ? Math.Min(limit, matching) : matching;
    }

    public IEventIndex Index { get; }
    public EventSelection Selection { get; }
    public EventRange Range { get; }

    /// <summary>Events matching the selection, before its limit.</summary>
    public long Matching { get; }

    /// <summary>Events a run over it reads.</summary>
    public long Total { get; }

    /// <summary>
    /// Resolves <paramref name="selection"/> below <paramref name="endOffsets"/> (per-partition high positions), or below
    /// the index's current checkpoints when none are given. Runs that must read the same events (the two sides of a
    /// compare) are given one set, captured once.
    /// </summary>
    public static ResolvedSelection Resolve(IEventIndex index, EventSelection selection, IReadOnlyDictionary<TopicPartitionKey, long>? endOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(selection);

        // Frozen at checkpoints, so a run reads a fixed set while ingestion goes on.
        var range = new EventRange { Selection = selection, EndOffsets = endOffsets ?? index.GetCheckpoints() };
        return new ResolvedSelection(index, selection, range, index.Count(range));
    }

    /// <summary>The <see cref="Total"/> events, oldest first, streamed from the index (read ahead on another thread).</summary>
    public IEnumerable<EventEnvelope> Read() => Prefetch.Ahead(Selected());

    /// <summary>
    /// Like <see cref="Read()"/>, each event with what <paramref name="prepare"/> made of it on the read-ahead thread
    /// (null when that thread was behind; see <see cref="Prefetch"/>).
    /// </summary>
    internal IEnumerable<(EventEnvelope Envelope, object? Prepared)> Read(Func<EventEnvelope, object?> prepare) =>
        Prefetch.Ahead(Selected(), prepare);

    private IEnumerable<EventEnvelope> Selected() =>
        Index.ReadOldestFirst(Range).Skip(checked((int)Math.Min(int.MaxValue, Matching - Total)));

    /// <summary>Whether any selected event comes from <paramref name="topic"/>.</summary>
    public bool Includes(string topic)
    {
        if (Selection.Topics.Count > 0 && !Selection.Topics.Contains(topic, StringComparer.Ordinal))
        {
            return false;
        }

        if (Selection.Topics.Count == 1)
        {
            return Total > 0;
        }

        return Index.Count(Range with { Selection = Selection with { Topics = [topic] } }) > 0;
    }
}
