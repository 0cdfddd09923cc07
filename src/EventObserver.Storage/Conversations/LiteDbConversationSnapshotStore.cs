using System.Security.Cryptography;

using EventObserver.Core.Conversations;

using LiteDB;

using Microsoft.Extensions.Logging;
using EventObserver.Storage.Shared;

namespace EventObserver.Storage.Conversations;

/// <summary>
/// The conversation tracker's snapshot in a LiteDB file of its own next to the event index (<see cref="DefaultFileName"/>),
/// outside the index's archive folder, so a rebuild or a cluster switch does not take it away (the monitor starts over
/// itself then). The snapshot is stored in chunks (a LiteDB document holds at most 16 MB, and 100,000 open
/// conversations make more), written with their length and SHA-256 in one transaction: a crash leaves the old or the
/// new snapshot, and a damaged one is noticed on load. The file is opened on first use; one that cannot be opened is
/// moved aside (logged) and a new one started. One instance per file per process; thread-safe (one lock).
/// </summary>
public sealed partial class LiteDbConversationSnapshotStore : IConversationSnapshotStore, IDisposable
{
    public const string DefaultFileName = "conversations.db";

    /// <summary>Bytes per stored chunk: well below LiteDB's document limit.</summary>
    public const int ChunkBytes = 1024 * 1024;

    private const string Chunks = "chunks";
    private const string Meta = "meta";
    private const string CurrentId = "current";
    private const string Generation = "g";
    private const string Index = "i";
    private const string Data = "d";
    private const string Count = "n";
    private const string Length = "len";
    private const string Hash = "sha";

    private readonly Lock _sync = new();
    private readonly ILogger<LiteDbConversationSnapshotStore> _logger;
    private readonly TimeProvider _time;
    private LiteDatabase? _db;
    private bool _disposed;

    public LiteDbConversationSnapshotStore(string filePath, ILogger<LiteDbConversationSnapshotStore> logger, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string FilePath { get; }

    /// <summary>The store's file next to the event index file (outside the index's archive folder).</summary>
    public static string PathNextTo(string indexPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(indexPath)) ?? string.Empty, DefaultFileName);

    public byte[]? Load()
    {
        lock (_sync)
        {
            if (!File.Exists(FilePath) && _db is null)
            {
                return null;
            }

            try
            {
                return Read(Database());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not ObjectDisposedException)
            {
                LogUnreadable(FilePath, ex.Message);
                return null;
            }
        }
    }

    public void Save(byte[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_sync)
        {
            var db = Database();
            var meta = db.GetCollection(Meta);
            var chunks = db.GetCollection(Chunks);
            var previous = meta.FindById(CurrentId)?[Generation].AsInt64 ?? 0;
            var generation = previous + 1;
            var count = (snapshot.Length + ChunkBytes - 1) / ChunkBytes;

            // One transaction on this thread (LiteDB's are thread-bound; nothing here awaits).
            db.BeginTrans();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var start = i * ChunkBytes;
                    chunks.Insert(new BsonDocument
                    {
                        ["_id"] = $"{generation}:{i}",
                        [Generation] = generation,
                        [Index] = i,
                        [Data] = snapshot.AsSpan(start, Math.Min(ChunkBytes, snapshot.Length - start)).ToArray(),
                    });
                }

                meta.Upsert(new BsonDocument
                {
                    ["_id"] = CurrentId,
                    [Generation] = generation,
                    [Count] = count,
                    [Length] = snapshot.Length,
                    [Hash] = SHA256.HashData(snapshot),
                });
                chunks.DeleteMany(ParameterizedQuery.NotEqual(Generation, generation));
                if (!db.Commit())
                {
                    throw new InvalidOperationException("the conversation snapshot transaction did not commit");
                }
            }
            catch
            {
                db.Rollback();
                throw;
            }

            // Deleted chunks leave free pages the next save reuses; the file stays about one snapshot large.
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _db?.Dispose();
            _db = null;
        }
    }

    private static byte[]? Read(LiteDatabase db)
    {
        var meta = db.GetCollection(Meta).FindById(CurrentId);
        if (meta is null)
        {
            return null;
        }

        var generation = meta[Generation].AsInt64;
        var count = meta[Count].AsInt32;
        var length = meta[Length].AsInt32;
        var result = new byte[length];
        var chunks = db.GetCollection(Chunks);
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var chunk = chunks.FindById($"{generation}:{i}")?[Data].AsBinary
                ?? throw new InvalidDataException($"chunk {i} of {count} is missing");
            if (at + chunk.Length > length)
            {
                throw new InvalidDataException($"the chunks hold more than the recorded {length} bytes");
            }

            chunk.CopyTo(result, at);
            at += chunk.Length;
        }

        if (at != length || !SHA256.HashData(result).AsSpan().SequenceEqual(meta[Hash].AsBinary))
        {
            throw new InvalidDataException("the stored snapshot does not match its recorded length and hash");
        }

        return result;
    }

    private LiteDatabase Database()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_db is not null)
        {
            return _db;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        try
        {
            _db = OpenFile(FilePath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged file costs the snapshot (the monitor rebuilds from the index), never the start: keep it for a
            // look, start a new one.
            var aside = $"{FilePath}.unreadable-{_time.GetUtcNow():yyyyMMddHHmmss}";
            LogMovedAside(FilePath, aside, ex.Message);
            File.Move(FilePath, aside, overwrite: true);
            var log = FilePath[..^Path.GetExtension(FilePath).Length] + "-log" + Path.GetExtension(FilePath);
            if (File.Exists(log))
            {
                File.Move(log, aside + "-log", overwrite: true);
            }

            _db = OpenFile(FilePath);
        }

        return _db;
    }

    private static LiteDatabase OpenFile(string path)
    {
        var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        try
        {
            db.UtcDate = true;

            // Reading the catalog here makes a damaged header fail now, inside the caller's recovery, not on first save.
            _ = db.GetCollection(Meta).FindById(CurrentId);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation snapshot {File} cannot be read ({Reason}); the monitor starts from the index instead")]
    private partial void LogUnreadable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation snapshot file {File} cannot be opened ({Reason}); it was moved to {Aside} and a new one started")]
    private partial void LogMovedAside(string file, string aside, string reason);
}
