using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.ChunkStore;

using LiteDB;
using EventObserver.Storage.Shared;

namespace EventObserver.Storage.Index;

/// <summary>Writes: events, checkpoints and retention gaps in one transaction.</summary>
public sealed partial class LiteDbEventIndex
{
    /// <summary>Retention gaps kept at most; the oldest go first.</summary>
    public const int MaxKeptGaps = 10_000;

    public int Write(IReadOnlyList<EventEnvelope> batch) => Write(batch, []);

    public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(gaps);
        if (batch.Count == 0 && gaps.Count == 0)
        {
            return 0;
        }

        lock (_writeLock)
        {
            ThrowIfBroken();
            var plan = WritePlan.Create(batch, gaps, _catalog, _builder, LoadChunk);
            if (plan.Checkpoints.Count == 0)
            {
                return 0;
            }

            var savedDictionaries = 0;
            RunInTransaction(() =>
            {
                savedDictionaries = SaveDictionaries();
                _db.GetCollection(PartitionCollection).Insert(plan.NewPartitions.Select(p =>
                    new BsonDocument { ["_id"] = p.Number, ["t"] = p.Key.Topic, ["p"] = p.Key.Partition }));
                _db.GetCollection(TypeCollection).Insert(plan.NewTypes.Select(t =>
                    new BsonDocument { ["_id"] = t.Number, ["n"] = t.Name }));
                // Upsert: a merged tail's chunk keeps its id (see ChunkCatalog.MergeableTail).
                _db.GetCollection(ChunkCollection).Upsert(plan.ChunkDocuments);
                _db.GetCollection(MetaCollection).Upsert(plan.Metas.Select(m => m.ToBson()));
                _db.GetCollection(GapCollection).Upsert(plan.Gaps.Select(ToBson));
                _db.GetCollection(CheckpointCollection).Upsert(plan.Checkpoints.Select(c =>
                    new BsonDocument { ["_id"] = c.Key, ["o"] = c.Value }));
                BeforeCommit?.Invoke();
            });

            _dictionaries.MarkSaved(savedDictionaries);
            plan.ReplacedTails.ForEach(_catalog.RemoveTail);
            _cache.Remove(plan.ReplacedTails);

            foreach (var (number, key) in plan.NewPartitions)
            {
                _catalog.AddPartition(number, key);
            }

            foreach (var (number, name) in plan.NewTypes)
            {
                _catalog.AddType(number, name);
            }

            plan.Metas.ForEach(_catalog.AddChunk);
            foreach (var (number, next) in plan.Checkpoints)
            {
                _catalog.SetCheckpoint(number, next);
            }

            plan.Gaps.ForEach(_gaps.Add);
            return plan.Stored;
        }
    }

    /// <summary>Refuses writes on an instance an I/O failure left unusable, with that failure inside.</summary>
    private void ThrowIfBroken()
    {
        if (Volatile.Read(ref _broken) is { } cause)
        {
            throw new IOException($"The index must be reopened after a failed write: {cause.Message}", cause);
        }
    }

    public IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue) =>
        _gaps.Newest(topic, Math.Max(0, limit));

    // Gaps age out with the events around them, and an overload that lasts for days cannot grow the record without bound.
    private void PruneGaps(DateTimeOffset cutoff)
    {
        var expired = _gaps.Expired(cutoff, MaxKeptGaps);
        if (expired.Count == 0)
        {
            return;
        }

        var ids = expired.Select(g => new BsonValue(GapId(g))).ToList();
        RunInTransaction(() => _db.GetCollection(GapCollection).DeleteMany(ParameterizedQuery.In("_id", ids)));
        _gaps.RemoveOldest(expired.Count);
    }

    private void LoadGaps()
    {
        foreach (var doc in _db.GetCollection(GapCollection).FindAll())
        {
            _gaps.Add(new RetentionGap(
                doc["t"].AsString,
                doc["p"].AsInt32,
                doc["f"].AsInt64,
                doc["l"].AsInt64,
                DateTimeOffset.FromUnixTimeMilliseconds(doc["at"].AsInt64)));
        }
    }

    private static string GapId(RetentionGap gap) => $"{gap.Topic}/{gap.Partition}/{gap.FirstOffset}";

    // Keyed by position, so writing the same gap twice keeps one record.
    private static BsonDocument ToBson(RetentionGap gap) => new()
    {
        ["_id"] = GapId(gap),
        ["t"] = gap.Topic,
        ["p"] = gap.Partition,
        ["f"] = gap.FirstOffset,
        ["l"] = gap.LastOffset,
        ["at"] = gap.DetectedAt.ToUnixTimeMilliseconds(),
    };
}
