using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>A partition's new checkpoint and what its newly stored events add to the partition's figures.</summary>
internal sealed record CheckpointChange(
    TopicPartitionKey Key, long NextOffset, long Added, long? OldestOffset, long? NewestOffset, long? OldestMs, long? NewestMs)
{
    /// <summary><paramref name="accepted"/> is in offset order.</summary>
    public static CheckpointChange For(TopicPartitionKey key, long next, List<EventEnvelope> accepted)
    {
        if (accepted.Count == 0)
        {
            return new(key, next, 0, null, null, null, null);
        }

        long oldest = long.MaxValue, newest = long.MinValue;
        foreach (var e in accepted)
        {
            oldest = Math.Min(oldest, e.TimestampMs);
            newest = Math.Max(newest, e.TimestampMs);
        }

        return new(key, next, accepted.Count, accepted[0].Offset, accepted[^1].Offset, oldest, newest);
    }
}
