using EventObserver.Core.Envelopes;
using EventObserver.Core.Querying;

namespace EventObserver.Storage.ChunkStore;

/// <summary>The chunk-level part of an <see cref="EventQuery"/>: time range, kind, type number and bloom probes.</summary>
internal sealed class ChunkFilter
{
    private long _from = long.MinValue;
    private long _to = long.MaxValue;
    private byte _kindMask = 0xFF;
    private int? _typeNumber;
    private readonly List<ulong> _hashes = [];

    /// <summary>Null when nothing can match (for example a type never indexed).</summary>
    public static ChunkFilter? Create(EventQuery query, ChunkCatalog catalog)
    {
        var filter = new ChunkFilter();
        if (query.From is { } from)
        {
            filter._from = from.ToUnixTimeMilliseconds();
        }

        if (query.To is { } to)
        {
            filter._to = to.ToUnixTimeMilliseconds();
        }

        if (query.Kind is { } kind)
        {
            filter._kindMask = KindBit(kind);
        }

        if (query.Type is not null)
        {
            if (!catalog.TryGetTypeNumber(query.Type, out var number))
            {
                return null;
            }

            filter._typeNumber = number;
        }

        filter.AddHash(LookupHash.MessageId, query.MessageId);
        filter.AddHash(LookupHash.CorrelationId, query.CorrelationId);
        filter.AddHash(LookupHash.CausationId, query.CausationId);
        filter.AddHash(LookupHash.Key, query.Key);
        return filter;
    }

    public static byte KindBit(MessageKind kind) => (byte)(1 << ((int)kind & 7));

    public bool MightMatch(ChunkMeta chunk)
    {
        if (chunk.MaxTimestampMs < _from || chunk.MinTimestampMs > _to || (chunk.KindMask & _kindMask) == 0)
        {
            return false;
        }

        if (_typeNumber is { } type && Array.IndexOf(chunk.TypeNumbers, type) < 0)
        {
            return false;
        }

        foreach (var hash in _hashes)
        {
            if (!BloomFilter.MightContain(chunk.Bloom, hash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The exact check on a decoded envelope (chunk filters are only a first cut).</summary>
    public static bool Matches(EventEnvelope e, EventQuery q) =>
        (q.Topic is null || e.Topic == q.Topic)
        && (q.Type is null || e.MessageType == q.Type)
        && (q.Kind is null || e.Kind == q.Kind)
        && (q.Key is null || e.Key == q.Key)
        && (q.MessageId is null || e.MessageId == q.MessageId)
        && (q.CorrelationId is null || e.CorrelationId == q.CorrelationId)
        && (q.CausationId is null || e.CausationId == q.CausationId)
        && (q.From is null || e.TimestampMs >= q.From.Value.ToUnixTimeMilliseconds())
        && (q.To is null || e.TimestampMs <= q.To.Value.ToUnixTimeMilliseconds());

    private void AddHash(char field, string? value)
    {
        if (value is not null)
        {
            _hashes.Add(LookupHash.Of(field, value));
        }
    }
}
