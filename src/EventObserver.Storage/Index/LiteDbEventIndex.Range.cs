using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.ChunkStore;

namespace EventObserver.Storage.Index;

/// <summary>Ordered streaming reads for replays.</summary>
public sealed partial class LiteDbEventIndex
{
    public IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range)
    {
        var plan = RangePlan.Create(range, _catalog);
        return plan is null ? [] : RangeReader.Read(plan, ReadChunkForScan);
    }

    public long Count(EventRange range)
    {
        var plan = RangePlan.Create(range, _catalog);
        return plan is null ? 0 : RangeReader.Count(plan, ReadChunkForScan);
    }

    /// <summary>Like <see cref="ReadChunk"/>, but a long scan does not push the lookups' hot chunks out of the cache.</summary>
    private ChunkBody? ReadChunkForScan(ChunkMeta chunk) =>
        _cache.TryGet(chunk, out var cached) ? ChunkBody.Owned(cached!) : ReadVerified(chunk, pooled: true);
}
