using EventObserver.Storage.ChunkStore;

using LiteDB;

namespace EventObserver.Storage.Index;

/// <summary>
/// The check an index file passes at open, kept cheap so a large index still opens in a moment: every chunk entry of
/// the catalog has a stored chunk (counted through the primary key, no chunk is read), every partition's checkpoint
/// lies past its newest chunk, and the oldest and the newest chunk of each partition are read and verified
/// (<see cref="ChunkVerifier"/>). Chunks in between are verified when they are read, and a damaged one fails that read
/// with a <see cref="CorruptIndexException"/>.
/// </summary>
internal static class IndexIntegrity
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first problem found.</summary>
    public static void Check(LiteDatabase db, ChunkCatalog catalog, ChunkDictionaries dictionaries)
    {
        // Checked through the catalog's counts, so a file cut short at a page boundary (its newest pages gone) fails
        // here; one cut inside a page is refused before LiteDB opens it (see LiteDbEventIndex.Open).
        var stored = db.GetCollection(LiteDbEventIndex.ChunkCollection).Count();
        var listed = catalog.OldestFirst().Count;
        if (stored != listed)
        {
            throw new InvalidDataException($"the catalog lists {listed} chunks but {stored} are stored");
        }

        var checkpoints = catalog.GetCheckpoints();
        var chunks = db.GetCollection(LiteDbEventIndex.ChunkCollection);
        foreach (var (key, list) in catalog.ByPartition(_ => true))
        {
            if (list.Count == 0)
            {
                continue;
            }

            var newest = list[^1];
            if (!checkpoints.TryGetValue(key, out var next) || next <= newest.LastOffset)
            {
                throw new InvalidDataException($"the checkpoint of {key.Topic}/{key.Partition} is behind its newest chunk");
            }

            foreach (var chunk in list.Count == 1 ? [newest] : (ChunkMeta[])[list[0], newest])
            {
                string? problem;
                try
                {
                    var data = chunks.FindById(chunk.Id)?["d"];
                    // Verified as read: a compressed chunk (version 3) after decompression.
                    problem = data is not { IsBinary: true }
                        ? "it is missing"
                        : ChunkVerifier.Problem(ChunkCompression.Unwrap(data.AsBinary, dictionaries), chunk);
                }
                catch (Exception e) when (e is LiteException or InvalidDataException)
                {
                    problem = e.Message;
                }

                if (problem is not null)
                {
                    throw new InvalidDataException($"the chunk of {key.Topic}/{key.Partition} at offsets {chunk.FirstOffset}–{chunk.LastOffset} is damaged: {problem}");
                }
            }
        }
    }
}
