using System.Runtime.InteropServices;

using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// What the index knows about one stored chunk without reading it: its position range, time
/// range, kinds, types and a bloom filter over ids and keys. Kept in memory for every chunk (a
/// few hundred bytes per chunk of up to <see cref="ChunkLimits.MaxEvents"/> events) and persisted
/// in the <c>chunk_meta</c> collection, so lookups read only the chunks that can match.
/// </summary>
internal sealed class ChunkMeta
{
    public required long Id { get; init; }
    public required int PartitionNo { get; init; }
    public required long FirstOffset { get; init; }
    public required long LastOffset { get; init; }
    public required int Count { get; init; }
    public required long MinTimestampMs { get; init; }
    public required long MaxTimestampMs { get; init; }
    public required byte KindMask { get; init; }
    public required int[] TypeNumbers { get; init; }
    public required ulong[] Bloom { get; init; }

    /// <summary>
    /// Whether any record is a dead-letter copy; when true, the bloom filter also holds the original
    /// positions they point at. Null for chunks written before dead letters were indexed: those
    /// must be scanned for a dead-letter lookup.
    /// </summary>
    public bool? HasDeadLetters { get; init; }

    /// <summary>The chunk id orders chunks by partition number, then offset.</summary>
    public static long MakeId(int partitionNo, long firstOffset) => ((long)partitionNo << 40) | firstOffset;

    public BsonDocument ToBson() => new()
    {
        ["_id"] = Id,
        ["l"] = LastOffset,
        ["n"] = Count,
        ["a"] = MinTimestampMs,
        ["b"] = MaxTimestampMs,
        ["k"] = (int)KindMask,
        ["y"] = new BsonArray(TypeNumbers.Select(t => new BsonValue(t))),
        ["f"] = MemoryMarshal.AsBytes(Bloom.AsSpan()).ToArray(),
        ["x"] = HasDeadLetters is { } dead ? new BsonValue(dead) : BsonValue.Null,
    };

    public static ChunkMeta FromBson(BsonDocument doc)
    {
        var id = doc["_id"].AsInt64;
        return new ChunkMeta
        {
            Id = id,
            PartitionNo = (int)(id >> 40),
            FirstOffset = id & ((1L << 40) - 1),
            LastOffset = doc["l"].AsInt64,
            Count = doc["n"].AsInt32,
            MinTimestampMs = doc["a"].AsInt64,
            MaxTimestampMs = doc["b"].AsInt64,
            KindMask = (byte)doc["k"].AsInt32,
            TypeNumbers = doc["y"].AsArray.Select(v => v.AsInt32).ToArray(),
            Bloom = MemoryMarshal.Cast<byte, ulong>(doc["f"].AsBinary.AsSpan()).ToArray(),
            HasDeadLetters = doc["x"].IsBoolean ? doc["x"].AsBoolean : null,
        };
    }
}
