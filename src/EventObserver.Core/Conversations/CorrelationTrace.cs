namespace EventObserver.Core.Conversations;

/// <summary>
/// What the tracker remembers of one recent correlation for learning: first and last type, the types seen, and the
/// newest step, so a process inferred later (or a start message arriving late) can pick it up with its history.
/// </summary>
internal sealed class CorrelationTrace
{
    public CorrelationTrace(string key) => Key = key;

    public string Key { get; }

    public string FirstType = string.Empty;
    public long FirstMs = long.MaxValue;
    public string LastType = string.Empty;
    public long LastMs = long.MinValue;
    public long LastSeenWallMs;

    private TypeSeen[] _types = [];
    private int _typeCount;

    /// <summary>Each distinct type with its earliest timestamp.</summary>
    public ReadOnlySpan<TypeSeen> Types => _types.AsSpan(0, _typeCount);

    /// <summary>Earliest failure message (dead letter or failure type), if any.</summary>
    public long? FailureMs;

    public int Messages;
    public ConversationStepState Last;
    public string[] Topics = [];

    /// <summary>A tracked conversation was made of it: it no longer counts as unassigned.</summary>
    public bool Assigned;

    // Intrusive LRU links: no node allocation per correlation.
    public CorrelationTrace? Newer;
    public CorrelationTrace? Older;

    public void AddType(string type, long timestampMs)
    {
        for (var i = 0; i < _typeCount; i++)
        {
            ref var seen = ref _types[i];
            if (ReferenceEquals(seen.Type, type) || seen.Type == type)
            {
                if (timestampMs < seen.FirstMs)
                {
                    seen.FirstMs = timestampMs;
                }

                return;
            }
        }

        if (_typeCount == _types.Length)
        {
            // Room for a whole typical conversation at once: one allocation instead of one per new type.
            Array.Resize(ref _types, Math.Max(4, _types.Length * 2));
        }

        _types[_typeCount++] = new TypeSeen { Type = type, FirstMs = timestampMs };
    }

    internal struct TypeSeen
    {
        public string Type;
        public long FirstMs;
    }
}
