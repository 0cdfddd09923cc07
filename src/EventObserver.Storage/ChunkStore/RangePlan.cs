using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// An <see cref="EventRange"/> resolved against the catalog: per partition, the chunks that may hold a match, and
/// the exact per-event check.
/// </summary>
internal sealed class RangePlan
{
    private readonly EventRange _range;
    private readonly bool _perRecordFilter;
    private readonly long _fromMs;
    private readonly long _toMs;
    private readonly int? _typeNumber;

    private RangePlan(EventRange range, int? typeNumber, List<(TopicPartitionKey Key, List<ChunkMeta> Chunks)> partitions)
    {
        _range = range;
        _typeNumber = typeNumber;
        Partitions = partitions;
        var q = range.Filter;
        _fromMs = q.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        _toMs = q.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        _perRecordFilter = q.Kind is not null || q.Key is not null || q.MessageId is not null
            || q.CorrelationId is not null || q.CausationId is not null;
    }

    public List<(TopicPartitionKey Key, List<ChunkMeta> Chunks)> Partitions { get; }

    /// <summary>Null when nothing can match.</summary>
    public static RangePlan? Create(EventRange range, ChunkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(range);
        var query = range.Filter;
        var filter = ChunkFilter.Create(query, catalog);
        if (filter is null)
        {
            return null;
        }

        var offsets = range.Offsets;
        var ends = range.EndOffsets;
        var partitions = catalog.ByPartition(key =>
            (query.Topic is null || key.Topic == query.Topic)
            && (offsets.Count == 0 || offsets.Any(o => o.Topic == key.Topic && o.Partition == key.Partition))
            && (ends is null || ends.ContainsKey(key)));
        int? typeNumber = query.Type is not null && catalog.TryGetTypeNumber(query.Type, out var number) ? number : null;
        var plan = new RangePlan(range, typeNumber, partitions);
        foreach (var (key, chunks) in partitions)
        {
            var end = ends is not null && ends.TryGetValue(key, out var next) ? next : long.MaxValue;
            chunks.RemoveAll(c => !filter.MightMatch(c) || c.FirstOffset >= end || !plan.Overlaps(key, c));
        }

        partitions.RemoveAll(p => p.Chunks.Count == 0);
        return plan;
    }

    /// <summary>True when every event of the chunk matches, so it can be counted without reading it.</summary>
    public bool MatchesWhole(TopicPartitionKey key, ChunkMeta chunk)
    {
        if (_perRecordFilter || chunk.MinTimestampMs < _fromMs || chunk.MaxTimestampMs > _toMs)
        {
            return false;
        }

        if (_typeNumber is { } type && (chunk.TypeNumbers.Length != 1 || chunk.TypeNumbers[0] != type))
        {
            return false;
        }

        if (_range.EndOffsets is { } ends && chunk.LastOffset >= ends[key])
        {
            return false;
        }

        return _range.Offsets.Count == 0 || _range.Offsets.Any(o =>
            o.Topic == key.Topic && o.Partition == key.Partition && o.FromOffset <= chunk.FirstOffset && o.ToOffset >= chunk.LastOffset);
    }

    public bool Matches(EventEnvelope e, TopicPartitionKey key)
    {
        if (!ChunkFilter.Matches(e, _range.Filter))
        {
            return false;
        }

        if (_range.EndOffsets is { } ends && e.Offset >= ends[key])
        {
            return false;
        }

        if (_range.Offsets.Count == 0)
        {
            return true;
        }

        foreach (var o in _range.Offsets)
        {
            if (o.Topic == key.Topic && o.Partition == key.Partition && o.Contains(e.Offset))
            {
                return true;
            }
        }

        return false;
    }

    private bool Overlaps(TopicPartitionKey key, ChunkMeta chunk) =>
        _range.Offsets.Count == 0 || _range.Offsets.Any(o =>
            o.Topic == key.Topic && o.Partition == key.Partition && o.FromOffset <= chunk.LastOffset && o.ToOffset >= chunk.FirstOffset);
}
