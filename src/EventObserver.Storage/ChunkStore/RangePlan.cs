using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// An <see cref="EventRange"/> resolved against the catalog: per partition, the chunks that may hold a match, and
/// the exact per-event check.
/// </summary>
internal sealed class RangePlan
{
    private readonly ChunkFilter _filter;
    private readonly IReadOnlyDictionary<TopicPartitionKey, long>? _ends;

    private RangePlan(ChunkFilter filter, IReadOnlyDictionary<TopicPartitionKey, long>? ends, List<(TopicPartitionKey Key, List<ChunkMeta> Chunks)> partitions)
    {
        _filter = filter;
        _ends = ends;
        Partitions = partitions;
    }

    public List<(TopicPartitionKey Key, List<ChunkMeta> Chunks)> Partitions { get; }

    /// <summary>Null when nothing can match.</summary>
    public static RangePlan? Create(EventRange range, ChunkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(range);
        var filter = ChunkFilter.Create(range.Selection, catalog);
        if (filter is null)
        {
            return null;
        }

        var ends = range.EndOffsets;
        var partitions = catalog.ByPartition(key => filter.IncludesPartition(key) && (ends is null || ends.ContainsKey(key)));
        foreach (var (key, chunks) in partitions)
        {
            var end = ends is not null && ends.TryGetValue(key, out var next) ? next : long.MaxValue;
            chunks.RemoveAll(c => c.FirstOffset >= end || !filter.MightMatch(key, c));
        }

        partitions.RemoveAll(p => p.Chunks.Count == 0);
        return new RangePlan(filter, ends, partitions);
    }

    /// <summary>True when every event of the chunk matches, so it can be counted without reading it.</summary>
    public bool MatchesWhole(TopicPartitionKey key, ChunkMeta chunk)
    {
        if (_filter.ChecksEachEvent || !_filter.Covers(key, chunk))
        {
            return false;
        }

        if (_filter.TypeNumber is { } type && (chunk.TypeNumbers.Length != 1 || chunk.TypeNumbers[0] != type))
        {
            return false;
        }

        return _ends is null || chunk.LastOffset < _ends[key];
    }

    public bool Matches(EventEnvelope e, TopicPartitionKey key) =>
        _filter.Matches(e) && (_ends is null || e.Offset < _ends[key]);
}
