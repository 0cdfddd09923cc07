using Confluent.Kafka;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// What a demo service has processed per partition and what it has yet to commit. A slow group (with a
/// <paramref name="slowDelay"/>) counts an event as processed only once it is older than that delay, like a batch job
/// that works through yesterday's data: its committed position trails the log by that much time.
/// Used from the consumer's own thread only.
/// </summary>
internal sealed class DemoGroupProgress(TimeSpan? slowDelay)
{
    private readonly Dictionary<TopicPartition, long> _next = [];
    private readonly Dictionary<TopicPartition, long> _committed = [];
    private readonly Dictionary<TopicPartition, Queue<(long Offset, long TimestampMs)>> _pending = [];

    /// <summary>Events read but not yet processed (a slow group's backlog in memory).</summary>
    public int Pending => _pending.Values.Sum(q => q.Count);

    public void Record(TopicPartition partition, long offset, long timestampMs)
    {
        if (slowDelay is null)
        {
            _next[partition] = offset + 1;
            return;
        }

        if (!_pending.TryGetValue(partition, out var queue))
        {
            _pending[partition] = queue = new Queue<(long, long)>();
        }

        queue.Enqueue((offset, timestampMs));
    }

    /// <summary>The positions to commit now: every partition whose processed position moved since its last commit.</summary>
    public List<TopicPartitionOffset> Due(long nowMs, IReadOnlyCollection<TopicPartition>? only = null)
    {
        if (slowDelay is { } delay)
        {
            var cutoff = nowMs - (long)delay.TotalMilliseconds;
            foreach (var (partition, queue) in _pending)
            {
                while (queue.TryPeek(out var head) && head.TimestampMs <= cutoff)
                {
                    _next[partition] = head.Offset + 1;
                    queue.Dequeue();
                }
            }
        }

        var due = new List<TopicPartitionOffset>();
        foreach (var (partition, next) in _next)
        {
            if ((only is null || only.Contains(partition)) && (!_committed.TryGetValue(partition, out var committed) || committed != next))
            {
                due.Add(new TopicPartitionOffset(partition, next));
            }
        }

        return due;
    }

    public void Committed(IEnumerable<TopicPartitionOffset> offsets)
    {
        foreach (var offset in offsets)
        {
            _committed[offset.TopicPartition] = offset.Offset.Value;
        }
    }

    /// <summary>Drops partitions this member no longer owns (the next owner starts from their committed positions).</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _next.Remove(partition);
            _committed.Remove(partition);
            _pending.Remove(partition);
        }
    }
}
