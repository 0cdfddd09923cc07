namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Small tail chunks that the next write merges into a bigger one (<see cref="WritePlan"/>): at demo rates a batch holds
/// a handful of events per partition, and a chunk of one event costs more in metadata, bloom filter and LiteDB page
/// slack than its compressed body. The merged chunk keeps the tail's id (same first offset) and replaces its document.
/// </summary>
internal sealed partial class ChunkCatalog
{
    /// <summary>A partition's last chunk is merged into the next write while it holds fewer events than this.</summary>
    public const int MergeTailBelow = 64;

    // Bloom table entries of replaced tails: they stay until the table is rebuilt, which happens once they are many.
    private int _replacedInBlooms;

    /// <summary>The partition's last chunk when the next write should merge into it; null otherwise.</summary>
    public ChunkMeta? MergeableTail(int partitionNo)
    {
        lock (_sync)
        {
            return _chunks.TryGetValue(partitionNo, out var list) && list.Count > 0 && list[^1].Count < MergeTailBelow ? list[^1] : null;
        }
    }

    /// <summary>After a commit that rewrote <paramref name="tail"/> as part of a new chunk with its id: forget the old one.</summary>
    public void RemoveTail(ChunkMeta tail)
    {
        lock (_sync)
        {
            var list = _chunks[tail.PartitionNo];
            if (list.Count == 0 || !ReferenceEquals(list[^1], tail))
            {
                throw new InvalidOperationException("Only a partition's last chunk can be merged.");
            }

            list.RemoveAt(list.Count - 1);
            _total -= tail.Count;
            Counter(_partitions[tail.PartitionNo].Topic).Count -= tail.Count;

            // A probe on an older snapshot may still meet the replaced entry; it reads the chunk by id and so finds the
            // merged document, a superset. The table is rebuilt once stale entries are a fair share of it.
            if (_blooms is not null && ++_replacedInBlooms > 1024 && _replacedInBlooms > _total / ChunkLimits.MaxEvents)
            {
                _blooms = null;
            }

            if (_blooms is null)
            {
                _replacedInBlooms = 0;
            }
        }
    }

    /// <summary>
    /// A replaced tail and the chunk that replaced it share an id and a document: keep one of them (the later, newer
    /// entry), so a record is not found twice.
    /// </summary>
    private static void DropReplaced(List<ChunkMeta> probed)
    {
        if (probed.Count < 2)
        {
            return;
        }

        var seen = new HashSet<long>();
        var write = probed.Count;
        for (var i = probed.Count - 1; i >= 0; i--)
        {
            if (seen.Add(probed[i].Id))
            {
                probed[--write] = probed[i];
            }
        }

        probed.RemoveRange(0, write);
    }
}
