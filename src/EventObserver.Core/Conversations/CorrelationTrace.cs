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

    /// <summary>Each distinct type with its earliest timestamp.</summary>
    public TypeSeen[] Types = [];

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
        for (var i = 0; i < Types.Length; i++)
        {
            if (ReferenceEquals(Types[i].Type, type) || Types[i].Type == type)
            {
                if (timestampMs < Types[i].FirstMs)
                {
                    Types[i].FirstMs = timestampMs;
                }

                return;
            }
        }

        var grown = new TypeSeen[Types.Length + 1];
        Types.CopyTo(grown, 0);
        grown[^1] = new TypeSeen { Type = type, FirstMs = timestampMs };
        Types = grown;
    }

    internal struct TypeSeen
    {
        public string Type;
        public long FirstMs;
    }
}
