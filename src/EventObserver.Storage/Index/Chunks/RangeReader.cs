using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.Index.Chunks;

/// <summary>
/// Reads a <see cref="RangePlan"/> oldest first: a k-way merge over partitions, each read chunk by chunk in offset
/// order. A partition's next chunk is decoded only when its earliest timestamp comes up in the merge, so at most one
/// decoded chunk per partition is held at a time.
/// </summary>
internal static class RangeReader
{
    public static IEnumerable<EventEnvelope> Read(RangePlan plan, Func<ChunkMeta, byte[]?> readChunk)
    {
        var queue = new PriorityQueue<Cursor, HeadKey>(HeadKey.Comparer);
        foreach (var (key, chunks) in plan.Partitions)
        {
            var cursor = new Cursor(key, chunks);
            queue.Enqueue(cursor, cursor.ChunkKey);
        }

        while (queue.TryDequeue(out var cursor, out _))
        {
            if (cursor.Loaded is null)
            {
                cursor.Load(plan, readChunk);
            }
            else
            {
                yield return cursor.Loaded[cursor.Position];
                cursor.Position++;
            }

            if (cursor.Loaded is { } loaded && cursor.Position >= loaded.Count)
            {
                cursor.Loaded = null;
            }

            if (cursor.Loaded is not null)
            {
                queue.Enqueue(cursor, cursor.EventKey);
            }
            else if (cursor.NextChunk < cursor.Chunks.Count)
            {
                queue.Enqueue(cursor, cursor.ChunkKey);
            }
        }
    }

    public static long Count(RangePlan plan, Func<ChunkMeta, byte[]?> readChunk)
    {
        long count = 0;
        foreach (var (key, chunks) in plan.Partitions)
        {
            foreach (var chunk in chunks)
            {
                if (plan.MatchesWhole(key, chunk))
                {
                    count += chunk.Count;
                    continue;
                }

                var data = readChunk(chunk);
                if (data is not null)
                {
                    count += ChunkCodec.Decode(data, key.Topic, key.Partition).Count(e => plan.Matches(e, key));
                }
            }
        }

        return count;
    }

    private sealed class Cursor(TopicPartitionKey key, List<ChunkMeta> chunks)
    {
        public TopicPartitionKey Key { get; } = key;
        public List<ChunkMeta> Chunks { get; } = chunks;
        public int NextChunk { get; private set; }
        public List<EventEnvelope>? Loaded { get; set; }
        public int Position { get; set; }

        public HeadKey ChunkKey => new(Chunks[NextChunk].MinTimestampMs, Key.Topic, Key.Partition, Chunks[NextChunk].FirstOffset);

        public HeadKey EventKey
        {
            get
            {
                var e = Loaded![Position];
                return new HeadKey(e.TimestampMs, Key.Topic, Key.Partition, e.Offset);
            }
        }

        public void Load(RangePlan plan, Func<ChunkMeta, byte[]?> readChunk)
        {
            var chunk = Chunks[NextChunk++];
            var data = readChunk(chunk);
            if (data is null)
            {
                return; // deleted by retention after the plan was made
            }

            var events = ChunkCodec.Decode(data, Key.Topic, Key.Partition);
            events.RemoveAll(e => !plan.Matches(e, Key));
            Position = 0;
            Loaded = events.Count == 0 ? null : events;
        }
    }

    private readonly record struct HeadKey(long TimestampMs, string Topic, int Partition, long Offset)
    {
        public static IComparer<HeadKey> Comparer { get; } = Comparer<HeadKey>.Create(static (a, b) =>
        {
            var c = a.TimestampMs.CompareTo(b.TimestampMs);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Topic, b.Topic);
            return c != 0 ? c : a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Offset.CompareTo(b.Offset);
        });
    }
}
