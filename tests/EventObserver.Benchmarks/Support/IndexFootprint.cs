using EventObserver.Storage.Index;
using LiteDB;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// Where an index file's bytes go: chunk bodies, chunk metadata (bloom filters apart), LiteDB's pages by type and their
/// free space. Read from a closed index (its log checkpointed into the file when it was disposed).
/// </summary>
internal sealed record IndexFootprint(
    long FileBytes,
    long LogBytes,
    long Chunks,
    long Events,
    long ChunkBodyBytes,
    long MetaBytes,
    long BloomBytes,
    IReadOnlyDictionary<string, (long Pages, long FreeBytes)> PagesByType)
{
    public long TotalBytes => FileBytes + LogBytes;

    public static IndexFootprint Measure(string filePath)
    {
        var log = LiteDbEventIndex.LogFilePath(filePath);
        var fileBytes = new FileInfo(filePath).Length;
        var logBytes = File.Exists(log) ? new FileInfo(log).Length : 0;
        using var db = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct, ReadOnly = true });
        long chunks = 0, events = 0, body = 0, meta = 0, bloom = 0;
        foreach (var doc in db.GetCollection("chunks").FindAll())
        {
            chunks++;
            body += doc["d"].AsBinary.Length;
        }

        foreach (var doc in db.GetCollection("chunk_meta").FindAll())
        {
            events += doc["n"].AsInt32;
            meta += BsonSerializer.Serialize(doc).Length;
            bloom += doc["f"].AsBinary.Length;
        }

        var pages = new Dictionary<string, (long Pages, long FreeBytes)>(StringComparer.Ordinal);
        using (var reader = db.Execute("SELECT $ FROM $page_list"))
        {
            while (reader.Read())
            {
                var page = reader.Current.AsDocument;
                var type = page["pageType"].AsString;
                var (count, free) = pages.GetValueOrDefault(type);
                pages[type] = (count + 1, free + page["freeBytes"].AsInt32);
            }
        }

        return new IndexFootprint(fileBytes, logBytes, chunks, events, body, meta, bloom, pages);
    }

    public string Describe(long rawBytes)
    {
        var perEvent = (double)Math.Max(1, Events);
        var pageText = string.Join(", ", PagesByType.OrderByDescending(p => p.Value.Pages)
            .Select(p => $"{p.Key} {p.Value.Pages:N0} pages ({p.Value.Pages * 8192 / perEvent:N0} B/event, {p.Value.FreeBytes / perEvent:N0} B/event free)"));
        return $"file {FileBytes / perEvent:N0} B/event + log {LogBytes / perEvent:N0} B/event; raw {rawBytes / perEvent:N0} B/event; "
            + $"{Chunks:N0} chunks ({Events / Math.Max(1.0, Chunks):N1} events each): bodies {ChunkBodyBytes / perEvent:N0} B/event, "
            + $"metadata {(MetaBytes - BloomBytes) / perEvent:N0} B/event + bloom {BloomBytes / perEvent:N0} B/event; pages: {pageText}";
    }
}
