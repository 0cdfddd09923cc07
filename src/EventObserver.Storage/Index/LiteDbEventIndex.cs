using System.Buffers;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Lineage;

using LiteDB;

namespace EventObserver.Storage.Index;

/// <summary>
/// The event index in one LiteDB file. Events are stored in chunks of consecutive offsets of one
/// partition (a compact binary encoding, one document per chunk); lookups are served by an
/// in-memory catalog of chunk metadata (time range, kinds, types, a bloom filter over message,
/// correlation and causation ids and keys), so a write costs no secondary LiteDB index entries.
/// One writer at a time, any number of readers.
/// </summary>
public sealed partial class LiteDbEventIndex : IEventIndex, IDisposable
{
    internal const string ChunkCollection = "chunks";
    internal const string MetaCollection = "chunk_meta";
    internal const string PartitionCollection = "partitions";
    internal const string TypeCollection = "types";
    internal const string CheckpointCollection = "checkpoints";
    internal const string GapCollection = "gaps";
    private const string InfoCollection = "info";
    private const string ClusterInfoId = "cluster";
    private const string RebuildInfoId = "rebuild";

    public const long DefaultChunkCacheBytes = 128L * 1024 * 1024;

    private readonly LiteDatabase _db;
    private readonly ChunkCatalog _catalog = new();
    private readonly ChunkBuilder _builder;
    private readonly ChunkDictionaries _dictionaries;
    private readonly Lock _writeLock = new();

    // LiteDB 5.0.21's page cache can recycle a buffer between a reader's lookup and its pin when two threads use the
    // engine at once (litedb-org/LiteDB#2817, unreleased fix); seen in the soak run as "page type must be index page"
    // on a range read, after which the engine refuses everything. Every engine call after open goes through this gate:
    // calls are short (one chunk by id, or one batch's transaction), so readers wait at most one commit.
    private readonly Lock _engineGate = new();
    private readonly RetentionRunner _retention;
    private readonly ChunkCache _cache;
    private readonly RetentionGapLog _gaps = new();
    private readonly IndexFileSizes _sizes;
    private Exception? _broken;

    private LiteDbEventIndex(string filePath, LiteDatabase db, long chunkCacheBytes, TimeProvider time, IndexCompression compression)
    {
        StoreFormat.CheckAndStamp(db.GetCollection(InfoCollection));
        _dictionaries = new ChunkDictionaries(train: compression == IndexCompression.ZstdWithDictionaries);
        _dictionaries.Load(db.GetCollection(ChunkDictionaries.Collection));
        _builder = new ChunkBuilder(compression == IndexCompression.None ? null : _dictionaries);
        _cache = new ChunkCache(chunkCacheBytes);
        FilePath = filePath;
        _sizes = new IndexFileSizes(filePath, time);
        _db = db;
        _retention = new RetentionRunner(this);
        Lookup = new ChunkLookup(_catalog, ReadChunk);
        Lineage = new IndexLineageSource(this);
        ClusterId = db.GetCollection(InfoCollection).FindById(ClusterInfoId)?["v"].AsString ?? string.Empty;
        CatalogLoader.Load(db, _catalog);
        IndexIntegrity.Check(db, _catalog, _dictionaries);
        LoadGaps();
        RebuildPending = db.GetCollection(InfoCollection).FindById(RebuildInfoId) is not null;
    }

    /// <summary>The cluster id stamped in the file; empty when the file was never stamped.</summary>
    public string ClusterId { get; private set; }

    public string FilePath { get; }

    /// <summary>
    /// True after a write failed on I/O (e.g. a full disk): the file is intact, but this instance may not write again
    /// and its catalog may lag the file. <see cref="EventIndexProvider"/> reopens it.
    /// </summary>
    public bool NeedsReopen => Volatile.Read(ref _broken) is not null;

    /// <summary>LiteDB disables its engine after an internal error; only a fresh instance on the file can go on.</summary>
    private void MarkBrokenOnEngineFailure(LiteException failure) => Interlocked.CompareExchange(ref _broken, failure, null);

    /// <summary>True from a rebuild's start until ingestion caught up with Kafka (kept in the file across restarts).</summary>
    public bool RebuildPending { get; private set; }

    /// <summary>Test seam: runs inside the write transaction, just before commit.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Lineage lookups (by message, causation and correlation id, dead letters) over this index.</summary>
    public ILineageSource Lineage { get; }

    internal ChunkCatalog Catalog => _catalog;

    internal ChunkLookup Lookup { get; }

    internal ChunkCache Cache => _cache;

    internal ChunkDictionaries Dictionaries => _dictionaries;

    /// <summary>Opens (or creates) the file. Throws when the file is not a readable LiteDB index.</summary>
    /// <param name="filePath">The LiteDB file.</param>
    /// <param name="chunkCacheBytes">Memory for recently read chunks (lineage lookups revisit the same few chunks).</param>
    /// <param name="time">The clock the file sizes are cached by (<see cref="IndexFileSizes"/>); the system's when null.</param>
    public static LiteDbEventIndex Open(string filePath, long chunkCacheBytes = DefaultChunkCacheBytes, TimeProvider? time = null) =>
        Open(filePath, IndexCompression.Zstd, chunkCacheBytes, time);

    /// <summary>Opens with a choice of how new chunks are stored (tests: files as older builds wrote them; measurements).</summary>
    internal static LiteDbEventIndex Open(string filePath, IndexCompression compression, long chunkCacheBytes = DefaultChunkCacheBytes, TimeProvider? time = null)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        RefuseCutShort(full);
        var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        try
        {
            db.UtcDate = true;
            return new LiteDbEventIndex(full, db, chunkCacheBytes, time ?? TimeProvider.System, compression);
        }
        catch
        {
            LiteDbOrphans.Dispose(db);
            throw;
        }
    }

    /// <summary>
    /// LiteDB writes whole 8 KiB pages, yet opens a file cut inside its first page as a new, empty database: that would
    /// silently drop the index and its checkpoints, so such a file is refused as damaged.
    /// </summary>
    private static void RefuseCutShort(string path)
    {
        const int pageSize = 8192;
        var length = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (length % pageSize != 0)
        {
            throw new InvalidDataException($"the file is cut short: {length} bytes is not a whole number of LiteDB's {pageSize}-byte pages");
        }
    }

    /// <summary>Records which cluster this index belongs to.</summary>
    public void StampCluster(string clusterId)
    {
        lock (_writeLock)
        {
            lock (_engineGate)
            {
                _db.GetCollection(InfoCollection).Upsert(new BsonDocument { ["_id"] = ClusterInfoId, ["v"] = clusterId });
            }

            ClusterId = clusterId;
        }
    }

    /// <summary>Marks the index as being rebuilt from Kafka, or clears the mark once the rebuild caught up.</summary>
    public void SetRebuildPending(bool pending)
    {
        lock (_writeLock)
        {
            lock (_engineGate)
            {
                var info = _db.GetCollection(InfoCollection);
                if (pending)
                {
                    info.Upsert(new BsonDocument { ["_id"] = RebuildInfoId, ["v"] = true });
                }
                else
                {
                    info.Delete(RebuildInfoId);
                }
            }

            RebuildPending = pending;
        }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints() => _catalog.GetCheckpoints();

    public EventEnvelope? Get(string topic, int partition, long offset)
    {
        var chunk = _catalog.FindChunk(new TopicPartitionKey(topic, partition), offset);
        return chunk is null ? null : Lookup.Get(chunk, offset);
    }

    public IReadOnlyList<EventEnvelope> Query(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var limit = selection.Limit is > 0 and var asked ? (int)Math.Min(asked, EventSelection.MaxLimit) : EventSelection.DefaultLimit;
        var results = new List<EventEnvelope>();
        if (ChunkFilter.Create(selection, _catalog) is not { } filter)
        {
            return results;
        }

        foreach (var chunk in _catalog.Candidates(filter))
        {
            // Candidates come by latest timestamp: once the page is full and this chunk holds nothing newer
            // than its oldest entry, no later chunk can either.
            if (results.Count >= limit && chunk.MaxTimestampMs < results[limit - 1].TimestampMs)
            {
                break;
            }

            var events = LoadChunk(chunk);
            if (events is null)
            {
                continue;
            }

            results.AddRange(events.Where(filter.Matches));
            if (results.Count >= limit)
            {
                results.Sort(NewestFirst);
                results.RemoveRange(limit, results.Count - limit);
            }
        }

        results.Sort(NewestFirst);
        return results;
    }

    public IndexStatistics GetStatistics()
    {
        var (file, log) = _sizes.Read();
        var topics = _catalog.TopicStatistics().ToDictionary(
            t => t.Key,
            t => t.Value with { LostToRetention = _gaps.LostFor(t.Key) },
            StringComparer.Ordinal);
        return new IndexStatistics(_catalog.TotalEvents, file, topics, _gaps.Count, _gaps.MessagesLost, log);
    }

    public long ApplyRetention(RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_writeLock)
        {
            var deleted = _retention.Apply(policy, now);
            PruneGaps(policy.MaxAge is { } age ? now - age : DateTimeOffset.MinValue);
            return deleted;
        }
    }

    // Under the write lock: a batch being written when the index is archived finishes first, instead of failing half-way.
    public void Dispose()
    {
        lock (_writeLock)
        {
            lock (_engineGate)
            {
                LiteDbOrphans.Dispose(_db);
            }

            _dictionaries.Dispose();
        }
    }

    /// <summary>LiteDB's write-ahead log next to the data file.</summary>
    public static string LogFilePath(string filePath) =>
        Path.Combine(Path.GetDirectoryName(filePath) ?? string.Empty, Path.GetFileNameWithoutExtension(filePath) + "-log" + Path.GetExtension(filePath));

    internal List<EventEnvelope>? LoadChunk(ChunkMeta chunk)
    {
        var data = ReadChunk(chunk);
        if (data is null)
        {
            return null;
        }

        var key = _catalog.GetPartition(chunk.PartitionNo);
        return ChunkCodec.Decode(data, key.Topic, key.Partition);
    }

    /// <summary>
    /// A chunk's encoded bytes (decompressed: the cache holds plain bodies, so a lineage lookup that revisits a chunk
    /// pays for zstd once), from the cache or the file; null when retention deleted it meanwhile.
    /// </summary>
    internal byte[]? ReadChunk(ChunkMeta chunk)
    {
        if (_cache.TryGet(chunk, out var cached))
        {
            return cached;
        }

        var data = ReadVerified(chunk);
        if (data is not null)
        {
            _cache.Add(chunk, data);
        }

        return data;
    }

    /// <summary>A chunk's plain body read from the file, bypassing the cache (pooled: for one scan, see <see cref="ChunkBody"/>).</summary>
    private ChunkBody? ReadStoredChunk(ChunkMeta chunk, bool pooled)
    {
        byte[]? stored;
        lock (_engineGate)
        {
            try
            {
                stored = _db.GetCollection(ChunkCollection).FindById(chunk.Id)?["d"].AsBinary;
            }
            catch (LiteException failure)
            {
                MarkBrokenOnEngineFailure(failure);
                throw;
            }
        }

        // Decompressed outside the gate: it needs no engine.
        if (stored is null)
        {
            return null;
        }

        return pooled ? ChunkCompression.UnwrapPooled(stored, _dictionaries) : ChunkBody.Owned(ChunkCompression.Unwrap(stored, _dictionaries));
    }

    /// <summary>Inside a write transaction: the dictionaries the new chunks use, before anything refers to them.</summary>
    private int SaveDictionaries()
    {
        var unsaved = _dictionaries.Unsaved();
        _db.GetCollection(ChunkDictionaries.Collection).Upsert(unsaved);
        return unsaved.Count;
    }

    /// <summary>
    /// A chunk from the file, checked against its catalog entry, so a damaged chunk fails the read with one clear
    /// <see cref="CorruptIndexException"/> instead of a decoding error deep in a query (or wrong results).
    /// </summary>
    internal byte[]? ReadVerified(ChunkMeta chunk) => ReadVerified(chunk, pooled: false)?.Buffer;

    /// <inheritdoc cref="ReadVerified(ChunkMeta)"/>
    internal ChunkBody? ReadVerified(ChunkMeta chunk, bool pooled)
    {
        ChunkBody? data = null;
        string? problem;
        try
        {
            data = ReadStoredChunk(chunk, pooled);
            problem = data is { } body ? ChunkVerifier.Problem(body.Span, chunk) : null;
        }
        catch (Exception e) when (e is LiteException or InvalidDataException)
        {
            problem = e.Message;
        }

        if (problem is null)
        {
            return data;
        }

        if (data is { Pooled: true } rented)
        {
            ArrayPool<byte>.Shared.Return(rented.Buffer);
        }

        var key = _catalog.GetPartition(chunk.PartitionNo);
        throw new CorruptIndexException(
            $"The index file {FilePath} is damaged: the chunk of {key.Topic}/{key.Partition} at offsets {chunk.FirstOffset}–{chunk.LastOffset} "
            + $"cannot be read ({problem}). Rebuild the index from Kafka (Admin: Topics page, or the rebuild-index command).");
    }

    /// <summary>Replaces chunks in one transaction (retention); the catalog follows after commit.</summary>
    internal void ReplaceChunks(IReadOnlyList<ChunkMeta> removed, IReadOnlyList<(ChunkMeta Meta, BsonDocument Document)> added)
    {
        var savedDictionaries = 0;
        RunInTransaction(() =>
        {
            savedDictionaries = SaveDictionaries();
            var chunks = _db.GetCollection(ChunkCollection);
            var metas = _db.GetCollection(MetaCollection);
            foreach (var meta in removed)
            {
                chunks.Delete(meta.Id);
                metas.Delete(meta.Id);
            }

            chunks.Insert(added.Select(a => a.Document));
            metas.Insert(added.Select(a => a.Meta.ToBson()));
        });

        _dictionaries.MarkSaved(savedDictionaries);
        _catalog.RemoveChunks(removed);
        _cache.Remove(removed);
        foreach (var (meta, _) in added)
        {
            _catalog.AddChunk(meta);
        }
    }

    internal ChunkBuilder Builder => _builder;

    private static int NewestFirst(EventEnvelope a, EventEnvelope b)
    {
        var byTime = b.TimestampMs.CompareTo(a.TimestampMs);
        if (byTime != 0)
        {
            return byTime;
        }

        var byTopic = string.CompareOrdinal(a.Topic, b.Topic);
        return byTopic != 0 ? byTopic : b.Partition != a.Partition ? b.Partition.CompareTo(a.Partition) : b.Offset.CompareTo(a.Offset);
    }

    // LiteDB transactions are bound to the calling thread: nothing in here may await.
    private void RunInTransaction(Action work)
    {
        ThrowIfBroken();
        lock (_engineGate)
        {
            try
            {
                _db.BeginTrans();
            }
            catch (LiteException failure)
            {
                MarkBrokenOnEngineFailure(failure);
                throw;
            }

            var committing = false;
            try
            {
                work();
                committing = true;
                if (!_db.Commit())
                {
                    throw new InvalidOperationException("LiteDB did not commit the index transaction.");
                }
            }
            catch (Exception failure)
            {
                RollBackAfter(failure, committing);
                throw;
            }
        }
    }

    /// <summary>
    /// An I/O failure inside a transaction (a full disk: measured on a small tmpfs) leaves LiteDB's instance unusable:
    /// its rollback writes to the log too and fails, the transaction stays open on its thread (the next insert then
    /// finds its own half-written keys), and the commit may even have reached the log before a checkpoint failed, so the
    /// in-memory catalog can no longer tell what the file holds. Such an index is marked, and only reopening it helps.
    /// </summary>
    private void RollBackAfter(Exception failure, bool committing)
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception rollback) when (rollback is not OutOfMemoryException)
        {
            Volatile.Write(ref _broken, rollback);
        }

        // A failure inside the work rolls back cleanly; one out of the commit may have left the batch in the log.
        if (committing && (failure is IOException || failure.InnerException is IOException))
        {
            Volatile.Write(ref _broken, failure);
        }
    }
}
