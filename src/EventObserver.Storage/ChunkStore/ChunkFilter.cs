using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// An <see cref="EventSelection"/> against the index: the partitions it may read (topics, ranges), the chunk-level cut
/// (time range, kind, type number, bloom probes, ranges) and the exact per-event check. Source, header and free text
/// have no index: they are checked on each decoded event, last.
/// </summary>
internal sealed class ChunkFilter
{
    private readonly EventSelection _selection;
    private readonly long _from;
    private readonly long _to;
    private readonly byte _kindMask = 0xFF;
    private readonly MessageKind? _kind;
    private readonly string? _type;
    private readonly string? _key;
    private readonly string? _messageId;
    private readonly string? _correlationId;
    private readonly string? _causationId;
    private readonly IReadOnlyList<PartitionRange> _ranges;
    private readonly bool _scan;
    private readonly List<ulong> _hashes = [];

    private ChunkFilter(EventSelection selection, int? typeNumber)
    {
        _selection = selection;
        TypeNumber = typeNumber;
        _from = selection.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        _to = selection.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        if (selection.Kind is { } kind)
        {
            _kind = kind;
            _kindMask = KindBit(kind);
        }

        _type = Blank(selection.Type);
        _key = Blank(selection.Key);
        _messageId = Blank(selection.MessageId);
        _correlationId = Blank(selection.CorrelationId);
        _causationId = Blank(selection.CausationId);
        _ranges = selection.Ranges;
        _scan = selection.NeedsScan;
        AddHash(LookupHash.MessageId, _messageId);
        AddHash(LookupHash.CorrelationId, _correlationId);
        AddHash(LookupHash.CausationId, _causationId);
        AddHash(LookupHash.Key, _key);
    }

    /// <summary>The type's number in the catalog, when the selection names a type.</summary>
    public int? TypeNumber { get; }

    /// <summary>True when some event of a chunk that passes <see cref="MightMatch"/> may still fail the exact check.</summary>
    public bool ChecksEachEvent =>
        _kind is not null || _key is not null || _messageId is not null || _correlationId is not null || _causationId is not null || _scan;

    /// <summary>Null when nothing can match (for example a type never indexed).</summary>
    public static ChunkFilter? Create(EventSelection selection, ChunkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (Blank(selection.Type) is not { } type)
        {
            return new ChunkFilter(selection, null);
        }

        return catalog.TryGetTypeNumber(type, out var number) ? new ChunkFilter(selection, number) : null;
    }

    public static byte KindBit(MessageKind kind) => (byte)(1 << ((int)kind & 7));

    /// <summary>Whether events of this partition may be selected (its topic is listed, a range names it).</summary>
    public bool IncludesPartition(TopicPartitionKey key)
    {
        if (_selection.Topics.Count > 0 && !_selection.Topics.Contains(key.Topic, StringComparer.Ordinal))
        {
            return false;
        }

        return _ranges.Count == 0 || _ranges.Any(r => r.IsOf(key.Topic, key.Partition));
    }

    public bool MightMatch(TopicPartitionKey key, ChunkMeta chunk)
    {
        if (chunk.MaxTimestampMs < _from || chunk.MinTimestampMs > _to || (chunk.KindMask & _kindMask) == 0)
        {
            return false;
        }

        if (TypeNumber is { } type && Array.IndexOf(chunk.TypeNumbers, type) < 0)
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

        return _ranges.Count == 0 || _ranges.Any(r => r.IsOf(key.Topic, key.Partition) && r.Overlaps(chunk.FirstOffset, chunk.LastOffset));
    }

    /// <summary>Whether the chunk's timestamps and offsets all lie inside the selection's time range and ranges.</summary>
    public bool Covers(TopicPartitionKey key, ChunkMeta chunk) =>
        chunk.MinTimestampMs >= _from && chunk.MaxTimestampMs <= _to
        && (_ranges.Count == 0 || _ranges.Any(r => r.IsOf(key.Topic, key.Partition) && r.Covers(chunk.FirstOffset, chunk.LastOffset)));

    /// <summary>The exact check on a decoded envelope of an included partition (chunk filters are only a first cut).</summary>
    public bool Matches(EventEnvelope e) =>
        (_type is null || e.MessageType == _type)
        && (_kind is null || e.Kind == _kind)
        && (_key is null || e.Key == _key)
        && (_messageId is null || e.MessageId == _messageId)
        && (_correlationId is null || e.CorrelationId == _correlationId)
        && (_causationId is null || e.CausationId == _causationId)
        && e.TimestampMs >= _from
        && e.TimestampMs <= _to
        && (_ranges.Count == 0 || InRanges(e))
        && (!_scan || _selection.MatchesScannedParts(e));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private bool InRanges(EventEnvelope e)
    {
        foreach (var range in _ranges)
        {
            if (range.IsOf(e.Topic, e.Partition) && range.Contains(e.Offset))
            {
                return true;
            }
        }

        return false;
    }

    private void AddHash(char field, string? value)
    {
        if (value is not null)
        {
            _hashes.Add(LookupHash.Of(field, value));
        }
    }
}
