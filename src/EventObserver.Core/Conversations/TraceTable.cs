namespace EventObserver.Core.Conversations;

/// <summary>The bounded learning table: recent correlations by key, least recently seen evicted first.</summary>
internal sealed class TraceTable
{
    private readonly Dictionary<string, CorrelationTrace> _byKey = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly Action<CorrelationTrace> _evicted;
    private CorrelationTrace? _newest;
    private CorrelationTrace? _oldest;

    /// <param name="capacity">Correlations kept.</param>
    /// <param name="evicted">Told about each trace dropped for room (whoever links to it lets go of it).</param>
    public TraceTable(int capacity, Action<CorrelationTrace> evicted)
    {
        _capacity = capacity;
        _evicted = evicted;
    }

    public int Count => _byKey.Count;

    public IEnumerable<CorrelationTrace> All => _byKey.Values;

    public CorrelationTrace? Find(string key) => _byKey.GetValueOrDefault(key);

    public CorrelationTrace GetOrAdd(string key)
    {
        if (_byKey.TryGetValue(key, out var trace))
        {
            Touch(trace);
            return trace;
        }

        trace = new CorrelationTrace(key);
        _byKey[key] = trace;
        LinkNewest(trace);
        if (_byKey.Count > _capacity && _oldest is { } oldest)
        {
            Unlink(oldest);
            _byKey.Remove(oldest.Key);
            _evicted(oldest);
        }

        return trace;
    }

    /// <summary>Adds a restored trace as the newest (restore in oldest-first order to keep the LRU order).</summary>
    public void Restore(CorrelationTrace trace)
    {
        _byKey[trace.Key] = trace;
        LinkNewest(trace);
    }

    /// <summary>Oldest first (least recently seen), the order a snapshot keeps.</summary>
    public IEnumerable<CorrelationTrace> OldestFirst()
    {
        for (var t = _oldest; t is not null; t = t.Newer)
        {
            yield return t;
        }
    }

    public void Clear()
    {
        _byKey.Clear();
        _newest = null;
        _oldest = null;
    }

    public void Touch(CorrelationTrace trace)
    {
        if (ReferenceEquals(trace, _newest))
        {
            return;
        }

        Unlink(trace);
        LinkNewest(trace);
    }

    private void LinkNewest(CorrelationTrace trace)
    {
        trace.Older = _newest;
        trace.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = trace;
        }

        _newest = trace;
        _oldest ??= trace;
    }

    private void Unlink(CorrelationTrace trace)
    {
        if (trace.Older is not null)
        {
            trace.Older.Newer = trace.Newer;
        }
        else
        {
            _oldest = trace.Newer;
        }

        if (trace.Newer is not null)
        {
            trace.Newer.Older = trace.Older;
        }
        else
        {
            _newest = trace.Older;
        }

        trace.Newer = null;
        trace.Older = null;
    }
}
