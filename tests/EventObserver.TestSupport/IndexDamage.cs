using LiteDB;

namespace EventObserver.TestSupport;

/// <summary>
/// Damages a closed index file the ways disks and crashes do: cut short, a garbage header, or a valid LiteDB file one of
/// whose chunks no longer matches its catalog entry. Also linked into Storage.Tests (which has no TestSupport reference).
/// </summary>
public static class IndexDamage
{
    /// <summary>Keeps only the first <paramref name="keepBytes"/> bytes of the file (and drops its log).</summary>
    public static void Truncate(string path, int keepBytes = 3000)
    {
        DropLog(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.SetLength(Math.Min(keepBytes, file.Length));
    }

    /// <summary>Cuts the file at a page boundary, so LiteDB opens it but its last pages (the newest chunks) are gone.</summary>
    public static void TruncateAtPage(string path)
    {
        DropLog(path);
        const int page = 8192;
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.SetLength(Math.Max(page, file.Length / 2 / page * page));
    }

    /// <summary>Overwrites the file's first page (LiteDB's header) with random bytes.</summary>
    public static void GarbleHeader(string path)
    {
        DropLog(path);
        var garbage = new byte[8192];
        new Random(13).NextBytes(garbage);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Write(garbage);
    }

    /// <summary>
    /// Cuts one stored chunk short inside a transaction LiteDB commits properly, so the file itself stays valid.
    /// </summary>
    /// <param name="path">A closed index file.</param>
    /// <param name="newest">The chunk with the highest id (the newest chunk of the last partition); else the lowest.</param>
    public static void BreakChunk(string path, bool newest = true)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var chunks = db.GetCollection("chunks");
        var ids = chunks.FindAll().Select(d => d["_id"].AsInt64).ToList();
        var id = newest ? ids.Max() : ids.Min();
        var doc = chunks.FindById(id);
        var data = doc["d"].AsBinary;
        doc["d"] = data[..(data.Length / 2)];
        chunks.Update(doc);
        db.Checkpoint();
    }

    /// <summary>Breaks a chunk that is neither the oldest nor the newest of its partition (the open check reads only those).</summary>
    public static void BreakMiddleChunk(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var chunks = db.GetCollection("chunks");
        // Chunk ids are the partition number in the high bits, then the first offset.
        var ids = chunks.FindAll().Select(d => d["_id"].AsInt64).GroupBy(id => id >> 40).Select(g => g.Order().ToList()).First(g => g.Count >= 3);
        var doc = chunks.FindById(ids[ids.Count / 2]);
        var data = doc["d"].AsBinary;
        data[0] = 0x7F;
        doc["d"] = data;
        chunks.Update(doc);
        db.Checkpoint();
    }

    private static void DropLog(string path)
    {
        var log = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        if (File.Exists(log))
        {
            File.Delete(log);
        }
    }
}
