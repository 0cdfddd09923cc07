namespace EventObserver.Core.Conversations;

/// <summary>
/// Interns the few distinct type, source and topic names: every envelope brings its own copy of the same string, and
/// 100,000 open conversations would otherwise each keep theirs alive.
/// </summary>
internal sealed class StringPool
{
    // Types, sources and topics are few; a flood of distinct names (a bug upstream) must not grow it without bound.
    private const int MaxEntries = 50_000;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (_pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        if (_pool.Count < MaxEntries)
        {
            _pool[value] = value;
        }

        return value;
    }

    public string? InternOrNull(string? value) => value is null ? null : Intern(value);
}
