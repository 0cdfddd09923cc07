using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Exact lookups by id over the chunks: bloom filters pick the candidate chunks, each candidate is
/// scanned in place, and only the matches inside the limit are decoded. Results are oldest first
/// (timestamp, topic, partition, offset).
/// </summary>
internal sealed class ChunkLookup(ChunkCatalog catalog, Func<ChunkMeta, byte[]?> readChunk)
{
    public List<EventEnvelope> Find(LookupTarget target, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var matches = new List<RecordMatch>();
        foreach (var chunk in catalog.Probe(target.Hash, target.Field == LookupField.DeadLetterOf))
        {
            // Candidates come by earliest timestamp: once the page is full and this chunk starts after
            // its newest entry, no later chunk can hold anything older.
            if (matches.Count >= limit && chunk.MinTimestampMs > matches[limit - 1].TimestampMs)
            {
                break;
            }

            Scan(chunk, target, matches);
            if (matches.Count > limit)
            {
                matches.Sort(RecordMatch.OldestFirst);
                matches.RemoveRange(limit, matches.Count - limit);
            }
        }

        matches.Sort(RecordMatch.OldestFirst);
        if (matches.Count > limit)
        {
            matches.RemoveRange(limit, matches.Count - limit);
        }

        return matches.ConvertAll(m => ChunkCodec.DecodeAt(m.Data, m.Start, m.Topic, m.Partition));
    }

    /// <summary>Exact count: every candidate chunk is scanned, nothing is decoded.</summary>
    public int Count(LookupTarget target)
    {
        var count = 0;
        foreach (var chunk in catalog.Probe(target.Hash, target.Field == LookupField.DeadLetterOf))
        {
            var data = readChunk(chunk);
            if (data is null)
            {
                continue;
            }

            var key = catalog.GetPartition(chunk.PartitionNo);
            var scanner = new ChunkScanner(data);
            while (scanner.MoveNext(out var record))
            {
                if (target.Matches(record, key))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The record at <paramref name="offset"/> of a chunk, decoded alone.</summary>
    public EventEnvelope? Get(ChunkMeta chunk, long offset)
    {
        var data = readChunk(chunk);
        if (data is null)
        {
            return null;
        }

        var key = catalog.GetPartition(chunk.PartitionNo);
        var scanner = new ChunkScanner(data);
        while (scanner.MoveNext(out var record))
        {
            if (record.Offset == offset)
            {
                return ChunkCodec.DecodeAt(data, record.Start, key.Topic, key.Partition);
            }
        }

        return null;
    }

    private void Scan(ChunkMeta chunk, LookupTarget target, List<RecordMatch> matches)
    {
        var data = readChunk(chunk);
        if (data is null)
        {
            return; // deleted by retention after the catalog was read
        }

        var key = catalog.GetPartition(chunk.PartitionNo);
        var scanner = new ChunkScanner(data);
        while (scanner.MoveNext(out var record))
        {
            if (target.Matches(record, key))
            {
                matches.Add(new RecordMatch(key.Topic, key.Partition, record.Offset, record.TimestampMs, data, record.Start));
            }
        }
    }
}
