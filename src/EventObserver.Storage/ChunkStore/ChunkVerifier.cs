namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Checks an encoded chunk against its catalog entry without decoding payloads: the version byte, every record's
/// framing, the record count, the first and last offsets, and that nothing follows the last record. Cheap (one pass,
/// no allocation), so it runs on every chunk read from the file.
/// </summary>
internal static class ChunkVerifier
{
    /// <returns>Null when the chunk matches; else what is wrong, in words.</returns>
    public static string? Problem(ReadOnlySpan<byte> data, ChunkMeta meta)
    {
        try
        {
            var scanner = new ChunkScanner(data);
            var count = 0;
            long first = -1, last = -1;
            while (scanner.MoveNext(out var record))
            {
                if (count == 0)
                {
                    first = record.Offset;
                }

                last = record.Offset;
                count++;
            }

            // A partition's small last chunk is merged with the next batch under the same id (ChunkCatalog.MergeableTail):
            // a reader holding the entry from before the merge finds the same first record and more after it.
            var grownTail = first == meta.FirstOffset && count > meta.Count && last > meta.LastOffset;
            if (!grownTail && (count != meta.Count || first != meta.FirstOffset || last != meta.LastOffset))
            {
                return $"it holds {count} records at offsets {first}–{last}, its catalog entry says {meta.Count} at {meta.FirstOffset}–{meta.LastOffset}";
            }

            return scanner.AtEnd ? null : "bytes follow its last record";
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException or ArgumentOutOfRangeException)
        {
            return e.Message;
        }
    }
}
