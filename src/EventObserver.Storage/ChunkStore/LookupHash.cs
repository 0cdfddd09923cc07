namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// 64-bit hashes of lookup values, one namespace per field so that a correlation id never matches
/// a message id lookup. Stable across processes (persisted in bloom filters), unlike string.GetHashCode.
/// </summary>
internal static class LookupHash
{
    public const char MessageId = 'm';
    public const char CorrelationId = 'c';
    public const char CausationId = 'z';
    public const char Key = 'k';

    /// <summary>The original position a dead-letter copy points back at, as <c>topic/partition/offset</c>.</summary>
    public const char DeadLetterOf = 'd';

    public static ulong OfDeadLetter(string topic, int partition, long offset) =>
        Of(DeadLetterOf, Core.Envelopes.EventPosition.Format(topic, partition, offset));

    public static ulong Of(char field, string value)
    {
        // FNV-1a over the UTF-16 code units, finished with murmur3's fmix64 for a good bit spread.
        var hash = 14695981039346656037UL;
        hash = (hash ^ field) * 1099511628211UL;
        foreach (var ch in value)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
