namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The plain (decompressed, version 1/2) bytes of recently read chunks, least recently used dropped first, bounded in
/// bytes: a compressed chunk is unwrapped once on its way in, so lookups that revisit it do not pay zstd again.
/// Lineage queries read the same few chunks many times (one conversation sits in a handful of
/// chunks), and a LiteDB read of a chunk costs far more than scanning it. Keyed by the
/// <see cref="ChunkMeta"/> instance: retention replaces a rewritten chunk's meta with a new one, so
/// a stale entry can never be returned, it only ages out. Thread-safe.
/// </summary>
internal sealed class ChunkCache(long maxBytes)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<ChunkMeta, LinkedListNode<(ChunkMeta Meta, byte[] Data)>> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly LinkedList<(ChunkMeta Meta, byte[] Data)> _order = new();
    private long _bytes;

    public int Count
    {
        get { lock (_sync) { return _entries.Count; } }
    }

    public bool TryGet(ChunkMeta meta, out byte[] data)
    {
        lock (_sync)
        {
            if (_entries.TryGetValue(meta, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                data = node.Value.Data;
                return true;
            }
        }

        data = [];
        return false;
    }

    public void Add(ChunkMeta meta, byte[] data)
    {
        if (data.Length > maxBytes)
        {
            return;
        }

        lock (_sync)
        {
            if (_entries.ContainsKey(meta))
            {
                return;
            }

            _entries[meta] = _order.AddFirst((meta, data));
            _bytes += data.Length;
            while (_bytes > maxBytes && _order.Last is { } last)
            {
                _order.RemoveLast();
                _entries.Remove(last.Value.Meta);
                _bytes -= last.Value.Data.Length;
            }
        }
    }

    /// <summary>Drops chunks that no longer exist, so their memory is freed at once.</summary>
    public void Remove(IEnumerable<ChunkMeta> metas)
    {
        lock (_sync)
        {
            foreach (var meta in metas)
            {
                if (_entries.Remove(meta, out var node))
                {
                    _order.Remove(node);
                    _bytes -= node.Value.Data.Length;
                }
            }
        }
    }
}
