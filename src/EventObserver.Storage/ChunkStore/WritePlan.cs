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

        var writes = PartitionWrite.Plan(
            PartitionWrite.GroupByPartition(batch),
            gaps,
            key => catalog.TryGetPartitionNumber(key, out var known) ? catalog.GetCheckpoint(known) ?? 0 : 0,
            ChunkLimits.MaxOffset);
        foreach (var write in writes)
        {
            var (key, accepted, next) = (write.Key, write.Accepted, write.Next);
            plan.Gaps.AddRange(write.Gaps);
            var known = catalog.TryGetPartitionNumber(key, out var number);
            if (!known)
            {
                number = nextPartition++;
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
}
