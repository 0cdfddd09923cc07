using EventObserver.Core.Envelopes;

using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Cuts the accepted envelopes of one partition into chunks and builds their documents and metadata. Compression runs
/// here, on the writer thread before the transaction opens (<paramref name="compression"/> null: plain chunks).
/// </summary>
internal sealed class ChunkBuilder(ChunkDictionaries? compression)
{
    private readonly ChunkWriter _writer = new();
    private readonly List<ulong> _hashes = [];
    private readonly List<int> _types = [];

    /// <param name="typeNumber">Resolves (and if new, reserves) the number of a message type.</param>
    public void Build(
        IReadOnlyList<EventEnvelope> events,
        int partitionNo,
        string topic,
        Func<string, int> typeNumber,
        List<BsonDocument> chunkDocs,
        List<ChunkMeta> metas)
    {
        var start = 0;
        while (start < events.Count)
        {
            var count = 0;
            long bytes = 0;
            while (start + count < events.Count && count < ChunkLimits.MaxEvents && (count == 0 || bytes < ChunkLimits.MaxBytes))
            {
                bytes += EstimateSize(events[start + count]);
                count++;
            }

            ChunkCodec.Encode(events, start, count, _writer);
            var meta = Describe(events, start, count, partitionNo, typeNumber);
            var stored = compression?.Compress(topic, _writer.Written) ?? _writer.ToArray();
            chunkDocs.Add(new BsonDocument { ["_id"] = meta.Id, ["d"] = stored });
            metas.Add(meta);
            start += count;
        }
    }

    private ChunkMeta Describe(IReadOnlyList<EventEnvelope> events, int start, int count, int partitionNo, Func<string, int> typeNumber)
    {
        _hashes.Clear();
        _types.Clear();
        long min = long.MaxValue, max = long.MinValue;
        byte kinds = 0;
        var deadLetters = false;
        string? lastType = null;
        for (var i = start; i < start + count; i++)
        {
            var e = events[i];
            min = Math.Min(min, e.TimestampMs);
            max = Math.Max(max, e.TimestampMs);
            kinds |= ChunkFilter.KindBit(e.Kind);
            if (e.MessageType is { } type && type != lastType)
            {
                lastType = type;
                var number = typeNumber(type);
                if (!_types.Contains(number))
                {
                    _types.Add(number);
                }
            }

            _hashes.Add(LookupHash.Of(LookupHash.MessageId, e.MessageId));
            AddHash(LookupHash.CorrelationId, e.CorrelationId);
            AddHash(LookupHash.CausationId, e.CausationId);
            AddHash(LookupHash.Key, e.Key);
            if (e.DeadLetterOf is { } origin)
            {
                deadLetters = true;
                if (origin.Partition is { } p && origin.Offset is { } o)
                {
                    _hashes.Add(LookupHash.OfDeadLetter(origin.Topic, p, o));
                }
            }
        }

        return new ChunkMeta
        {
            Id = ChunkMeta.MakeId(partitionNo, events[start].Offset),
            PartitionNo = partitionNo,
            FirstOffset = events[start].Offset,
            LastOffset = events[start + count - 1].Offset,
            Count = count,
            MinTimestampMs = min,
            MaxTimestampMs = max,
            KindMask = kinds,
            TypeNumbers = [.. _types],
            Bloom = BloomFilter.Create(_hashes),
            HasDeadLetters = deadLetters,
        };
    }

    private void AddHash(char field, string? value)
    {
        if (value is not null)
        {
            _hashes.Add(LookupHash.Of(field, value));
        }
    }

    private static long EstimateSize(EventEnvelope e)
    {
        long size = 64 + (e.Payload?.Length ?? 0) + (e.KeyBytes?.Length ?? 0) + (e.DecodedPayload?.Length ?? 0);
        if (e.Decoding is not null || e.KeyDecoding is not null)
        {
            // Schema ids, names and errors, and a decoded key kept as its display text.
            size += 64 + (e.KeyDecoding is null ? 0 : e.Key?.Length ?? 0);
        }

        foreach (var header in e.Headers)
        {
            size += header.Key.Length + (header.Value?.Length ?? 0) + 4;
        }

        return size;
    }
}
