using System.Buffers;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Reads a <see cref="RangePlan"/> oldest first: a k-way merge over partitions, each read chunk by chunk in offset
/// order. A partition's next chunk is read only when its earliest timestamp comes up in the merge, and its records
/// are decoded one at a time as the merge takes them: a long scan holds one chunk's bytes and one decoded event per
/// partition, not hundreds of decoded events that the collector would have to copy while the consumer works
/// (a replay over 18 partitions kept ~2,300 of them alive at every collection). A chunk's body is held in a pooled
/// buffer (decompressed straight into it, else copied there so LiteDB's or the cache's array is not held): a chunk
/// stays in use for thousands of events, long enough to be copied by the collector into older generations, while the
/// pooled buffers are allocated once.
/// </summary>
internal static class RangeReader
{
    public static IEnumerable<EventEnvelope> Read(RangePlan plan, Func<ChunkMeta, ChunkBody?> readChunk)
    {
        var queue = new PriorityQueue<Cursor, HeadKey>(HeadKey.Comparer);
        foreach (var (key, chunks) in plan.Partitions)
        {
            var cursor = new Cursor(key, chunks);
            queue.Enqueue(cursor, cursor.ChunkKey);
        }

        while (queue.TryDequeue(out var cursor, out _))
        {
            if (cursor.Head is { } head)
            {
                yield return head;
                cursor.Advance(plan);
            }
            else
            {
                cursor.Load(plan, readChunk);
            }

            if (cursor.Head is not null)
            {
                queue.Enqueue(cursor, cursor.EventKey);
            }
            else if (cursor.NextChunk < cursor.Chunks.Count)
            {
                queue.Enqueue(cursor, cursor.ChunkKey);
            }
        }
    }

    public static long Count(RangePlan plan, Func<ChunkMeta, ChunkBody?> readChunk)
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

                if (readChunk(chunk) is { } body)
                {
                    count += ChunkCodec.Decode(body.Span, key.Topic, key.Partition).Count(e => plan.Matches(e, key));
                    if (body.Pooled)
                    {
                        ArrayPool<byte>.Shared.Return(body.Buffer);
                    }
                }
            }
        }

        return count;
    }

    private sealed class Cursor(TopicPartitionKey key, List<ChunkMeta> chunks)
    {
        private byte[]? _data;
        private int _length;
        private int _position;
        private int _remaining;

        public TopicPartitionKey Key { get; } = key;
        public List<ChunkMeta> Chunks { get; } = chunks;
        public int NextChunk { get; private set; }

        /// <summary>The partition's next matching event, decoded; null when the loaded chunk has no more.</summary>
        public EventEnvelope? Head { get; private set; }

        public HeadKey ChunkKey => new(Chunks[NextChunk].MinTimestampMs, Key.Topic, Key.Partition, Chunks[NextChunk].FirstOffset);

        public HeadKey EventKey => new(Head!.TimestampMs, Key.Topic, Key.Partition, Head.Offset);

        public void Load(RangePlan plan, Func<ChunkMeta, ChunkBody?> readChunk)
        {
            var chunk = Chunks[NextChunk++];
            var stored = readChunk(chunk); // null: deleted by retention after the plan was made
            _position = 0;
            _remaining = 0;
            if (stored is { } body)
            {
                if (body.Pooled)
                {
                    _data = body.Buffer;
                }
                else
                {
                    _data = ArrayPool<byte>.Shared.Rent(body.Length);
                    body.Span.CopyTo(_data);
                }

                _length = body.Length;
                var reader = new ChunkReader(_data.AsSpan(0, _length));
                _remaining = ChunkCodec.ReadHeader(ref reader);
                _position = reader.Position;
            }

            Advance(plan);
        }

        /// <summary>Decodes records until one matches the plan; gives the chunk's buffer back after its last record.</summary>
        public void Advance(RangePlan plan)
        {
            Head = null;
            while (_remaining > 0)
            {
                _remaining--;
                var e = ChunkCodec.DecodeNext(_data.AsSpan(0, _length), ref _position, Key.Topic, Key.Partition);
                if (plan.Matches(e, Key))
                {
                    Head = e;
                    break;
                }
            }

            if (_remaining == 0 && _data is not null)
            {
                // Decoded events copy what they keep, so nothing refers to the buffer any more. A scan abandoned
                // half-way leaves its buffers to the collector, which the pool tolerates.
                ArrayPool<byte>.Shared.Return(_data);
                _data = null;
            }
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
