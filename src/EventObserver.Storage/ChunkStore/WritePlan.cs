using EventObserver.Core.Envelopes;

using EventObserver.Core.Indexing;
using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// What one <c>Write</c> will commit: the envelopes not yet indexed (at or beyond the partition's
/// checkpoint, each offset once), cut into chunks, plus new partition/type numbers, checkpoints and the
/// retention gaps the checkpoints jump past. Built before the transaction so the catalog changes only
/// after a successful commit.
/// </summary>
internal sealed class WritePlan
{
    public List<(int Number, TopicPartitionKey Key)> NewPartitions { get; } = [];
    public List<(int Number, string Name)> NewTypes { get; } = [];
    public List<BsonDocument> ChunkDocuments { get; } = [];
    public List<ChunkMeta> Metas { get; } = [];

    /// <summary>Small tail chunks rewritten into the first new chunk of their partition (same id, so their documents are replaced).</summary>
    public List<ChunkMeta> ReplacedTails { get; } = [];
    public Dictionary<int, long> Checkpoints { get; } = [];
    public List<RetentionGap> Gaps { get; } = [];
    public int Stored { get; private set; }

    /// <param name="loadChunk">Reads a stored chunk's events (a small tail to merge); null when it is gone.</param>
    public static WritePlan Create(
        IReadOnlyList<EventEnvelope> batch,
        IReadOnlyList<RetentionGap> gaps,
        ChunkCatalog catalog,
        ChunkBuilder builder,
        Func<ChunkMeta, List<EventEnvelope>?> loadChunk)
    {
        var plan = new WritePlan();
        var nextPartition = catalog.NextPartitionNumber;
        var nextType = catalog.NextTypeNumber;
        var pendingTypes = new Dictionary<string, int>(StringComparer.Ordinal);

        int TypeNumber(string type)
        {
            if (catalog.TryGetTypeNumber(type, out var known) || pendingTypes.TryGetValue(type, out known))
            {
                return known;
            }

            pendingTypes[type] = nextType;
            plan.NewTypes.Add((nextType, type));
            return nextType++;
        }

        var gapsByPartition = gaps.GroupBy(g => new TopicPartitionKey(g.Topic, g.Partition)).ToDictionary(g => g.Key, g => g.ToList());
        var groups = GroupByPartition(batch);
        foreach (var key in groups.Keys.Union(gapsByPartition.Keys))
        {
            var known = catalog.TryGetPartitionNumber(key, out var number);
            if (!known)
            {
                number = nextPartition;
            }

            var checkpoint = catalog.GetCheckpoint(number) ?? 0;
            var accepted = groups.TryGetValue(key, out var events) ? Accept(events, checkpoint) : [];
            var next = accepted.Count > 0 ? accepted[^1].Offset + 1 : checkpoint;
            foreach (var gap in gapsByPartition.GetValueOrDefault(key) ?? [])
            {
                // A gap the checkpoint is already past was recorded before (or never mattered).
                if (gap.LastOffset >= checkpoint)
                {
                    plan.Gaps.Add(gap.FirstOffset >= checkpoint ? gap : gap with { FirstOffset = checkpoint });
                    next = Math.Max(next, gap.LastOffset + 1);
                }
            }

            if (next == checkpoint)
            {
                continue;
            }

            if (!known)
            {
                nextPartition++;
                plan.NewPartitions.Add((number, key));
            }

            if (accepted.Count > 0)
            {
                plan.Stored += accepted.Count;
                if (known && catalog.MergeableTail(number) is { } tail && LoadTail(tail, loadChunk) is { } tailEvents)
                {
                    plan.ReplacedTails.Add(tail);
                    tailEvents.AddRange(accepted);
                    accepted = tailEvents;
                }

                builder.Build(accepted, number, key.Topic, TypeNumber, plan.ChunkDocuments, plan.Metas);
            }

            plan.Checkpoints[number] = next;
        }

        return plan;
    }

    // A tail that cannot be read stays as it is: new events start a chunk of their own rather than stop ingestion.
    private static List<EventEnvelope>? LoadTail(ChunkMeta tail, Func<ChunkMeta, List<EventEnvelope>?> loadChunk)
    {
        try
        {
            return loadChunk(tail);
        }
        catch (Exception e) when (e is InvalidDataException or Index.CorruptIndexException)
        {
            return null;
        }
    }

    private static Dictionary<TopicPartitionKey, List<EventEnvelope>> GroupByPartition(IReadOnlyList<EventEnvelope> batch)
    {
        var groups = new Dictionary<TopicPartitionKey, List<EventEnvelope>>();
        foreach (var e in batch)
        {
            var key = new TopicPartitionKey(e.Topic, e.Partition);
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups[key] = list;
            }

            list.Add(e);
        }

        return groups;
    }

    /// <summary>Offsets below the checkpoint are already indexed; a repeated offset is taken once.</summary>
    private static List<EventEnvelope> Accept(List<EventEnvelope> events, long next)
    {
        var sorted = true;
        for (var i = 1; i < events.Count && sorted; i++)
        {
            sorted = events[i - 1].Offset < events[i].Offset;
        }

        if (!sorted)
        {
            events.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        var accepted = new List<EventEnvelope>(events.Count);
        foreach (var e in events)
        {
            if (e.Offset > ChunkLimits.MaxOffset)
            {
                throw new ArgumentOutOfRangeException(nameof(events), e.Offset, $"Offset of {e.Id} is beyond what the index can address.");
            }

            if (e.Offset >= next)
            {
                accepted.Add(e);
                next = e.Offset + 1;
            }
        }

        return accepted;
    }
}
