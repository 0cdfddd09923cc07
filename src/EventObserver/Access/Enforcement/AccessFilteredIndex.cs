using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// The index as one user reads it (see <see cref="AccessView"/>): an event of a denied topic is "not there", queries,
/// ranges and counts cover readable topics only, statistics and retention gaps name readable topics only, and every
/// envelope returned is masked when masking applies. Read-only: writing or applying retention through it throws.
/// </summary>
internal sealed class AccessFilteredIndex(IEventIndex inner, AccessView view) : IEventIndex
{
    private ILineageSource? _lineage;

    public string ClusterId => inner.ClusterId;

    public string FilePath => inner.FilePath;

    public ILineageSource Lineage => _lineage ??= new AccessFilteredLineage(inner.Lineage, view);

    public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps) =>
        throw new NotSupportedException("A user's view of the index is read-only.");

    public long ApplyRetention(RetentionPolicy policy, DateTimeOffset now) =>
        throw new NotSupportedException("A user's view of the index is read-only.");

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints()
    {
        var checkpoints = inner.GetCheckpoints();
        return view.FiltersTopics ? checkpoints.Where(c => view.CanRead(c.Key.Topic)).ToDictionary() : checkpoints;
    }

    public EventEnvelope? Get(string topic, int partition, long offset) =>
        view.CanRead(topic) ? view.Show(inner.Get(topic, partition, offset)) : null;

    public IReadOnlyList<EventEnvelope> Query(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (Restrict(selection) is not { } readable)
        {
            return [];
        }

        var found = inner.Query(readable);
        var shown = new List<EventEnvelope>(found.Count);
        foreach (var envelope in found)
        {
            if (view.TryShow(selection, envelope, out var visible))
            {
                shown.Add(visible);
            }
        }

        return shown;
    }

    public IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Restrict(range.Selection) is { } readable ? Shown(inner.ReadOldestFirst(range with { Selection = readable }), range.Selection) : [];
    }

    public long Count(EventRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (Restrict(range.Selection) is not { } readable)
        {
            return 0;
        }

        // A free-text or header-value part is matched on the masked event too (see AccessView.TryShow): only reading
        // the events counts what a read gives. Without such a part masking changes no match, and the index counts.
        return view.Masks && readable.NeedsScan
            ? Shown(inner.ReadOldestFirst(range with { Selection = readable }), range.Selection).LongCount()
            : inner.Count(range with { Selection = readable });
    }

    public IndexStatistics GetStatistics()
    {
        var statistics = inner.GetStatistics();
        if (!view.FiltersTopics)
        {
            return statistics;
        }

        var topics = statistics.Topics.Where(t => view.CanRead(t.Key)).ToDictionary(StringComparer.Ordinal);
        var gaps = inner.GetRetentionGaps().Count(g => view.CanRead(g.Topic));
        return new IndexStatistics(
            topics.Values.Sum(t => t.Count), statistics.FileSizeBytes, topics, gaps, topics.Values.Sum(t => t.LostToRetention), statistics.LogSizeBytes);
    }

    public IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue)
    {
        if (!view.FiltersTopics)
        {
            return inner.GetRetentionGaps(topic, limit);
        }

        if (topic is not null)
        {
            return view.CanRead(topic) ? inner.GetRetentionGaps(topic, limit) : [];
        }

        return [.. inner.GetRetentionGaps().Where(g => view.CanRead(g.Topic)).Take(limit)];
    }

    public IReadOnlyList<PartitionIndexRange> GetPartitionRanges(string topic) =>
        view.CanRead(topic) ? inner.GetPartitionRanges(topic) : [];

    private EventSelection? Restrict(EventSelection selection) =>
        view.Restrict(selection, () => inner.GetStatistics().Topics.Keys);

    private IEnumerable<EventEnvelope> Shown(IEnumerable<EventEnvelope> events, EventSelection filter)
    {
        foreach (var envelope in events)
        {
            if (view.TryShow(filter, envelope, out var visible))
            {
                yield return visible;
            }
        }
    }
}
