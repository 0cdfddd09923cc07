using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;

using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Deletes the oldest events until a <see cref="RetentionPolicy"/> holds: whole chunks where it
/// can, the boundary chunk rewritten without its oldest events, at most
/// <see cref="BatchEvents"/> events per transaction. Checkpoints stay, so nothing is re-ingested.
/// </summary>
internal sealed class RetentionRunner(LiteDbEventIndex index)
{
    public const int BatchEvents = 10_000;

    public long Apply(RetentionPolicy policy, DateTimeOffset now)
    {
        var cutoff = policy.MaxAge is { } age ? (now - age).ToUnixTimeMilliseconds() : long.MinValue;
        var maxEvents = policy.MaxEvents is > 0 ? policy.MaxEvents.Value : long.MaxValue;
        long deleted = 0;
        while (true)
        {
            var pass = RunPass(cutoff, maxEvents);
            if (pass == 0)
            {
                return deleted;
            }

            deleted += pass;
        }
    }

    private long RunPass(long cutoff, long maxEvents)
    {
        var excess = Math.Max(0, index.Catalog.TotalEvents - maxEvents);
        var removed = new List<ChunkMeta>();
        var added = new List<(ChunkMeta, BsonDocument)>();
        long deleted = 0;
        foreach (var chunk in index.Catalog.OldestFirst())
        {
            if (deleted >= BatchEvents || (excess == 0 && chunk.MinTimestampMs >= cutoff))
            {
                break;
            }

            if (chunk.MaxTimestampMs < cutoff || excess >= chunk.Count)
            {
                removed.Add(chunk);
                deleted += chunk.Count;
                excess = Math.Max(0, excess - chunk.Count);
                continue;
            }

            var events = index.LoadChunk(chunk);
            if (events is null)
            {
                continue;
            }

            // Keep the newest: drop what is too old, then the oldest of the rest while over the count.
            var keep = events.Where(e => e.TimestampMs >= cutoff)
                .OrderBy(e => e.TimestampMs).ThenBy(e => e.Offset)
                .Skip((int)Math.Min(excess, chunk.Count))
                .OrderBy(e => e.Offset)
                .ToList();
            var dropped = chunk.Count - keep.Count;
            if (dropped == 0)
            {
                continue;
            }

            removed.Add(chunk);
            deleted += dropped;
            excess = Math.Max(0, excess - dropped);
            if (keep.Count > 0)
            {
                added.AddRange(Rebuild(keep, chunk));
            }
        }

        if (removed.Count > 0)
        {
            index.ReplaceChunks(removed, added);
        }

        return deleted;
    }

    private IEnumerable<(ChunkMeta, BsonDocument)> Rebuild(List<EventEnvelope> keep, ChunkMeta old)
    {
        var docs = new List<BsonDocument>();
        var metas = new List<ChunkMeta>();
        index.Builder.Build(keep, old.PartitionNo, index.Catalog.GetPartition(old.PartitionNo).Topic, type => index.Catalog.TryGetTypeNumber(type, out var n) ? n : 0, docs, metas);
        return metas.Zip(docs);
    }
}
