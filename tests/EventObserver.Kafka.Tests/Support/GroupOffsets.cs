using Confluent.Kafka;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>Reads a group's committed offsets, log ends and single messages without joining any group.</summary>
internal sealed class GroupOffsets(string bootstrapServers) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly IConsumer<Ignore, Ignore> _reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = "group-offsets-reader",
        EnableAutoCommit = false,
    }).SetLogHandler((_, _) => { }).Build();

    public static IReadOnlyList<TopicPartition> Partitions(IEnumerable<string> topics, int partitions) =>
        topics.SelectMany(t => Enumerable.Range(0, partitions).Select(p => new TopicPartition(t, p))).ToArray();

    /// <summary>Committed offset per partition; -1 where the group has committed nothing.</summary>
    public Dictionary<TopicPartition, long> Committed(string groupId, IReadOnlyList<TopicPartition> partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        return consumer.Committed(partitions, Timeout).ToDictionary(o => o.TopicPartition, o => o.Offset.Value);
    }

    public Dictionary<TopicPartition, long> LogEnds(IReadOnlyList<TopicPartition> partitions) =>
        partitions.ToDictionary(p => p, p => _reader.QueryWatermarkOffsets(p, Timeout).High.Value);

    public static long Sum(Dictionary<TopicPartition, long> offsets) => offsets.Values.Sum(o => Math.Max(0, o));

    /// <summary>The timestamp of the message at <paramref name="offset"/>.</summary>
    public DateTimeOffset TimestampAt(TopicPartition partition, long offset)
    {
        _reader.Assign(new TopicPartitionOffset(partition, offset));
        try
        {
            var result = _reader.Consume(Timeout) ?? throw new InvalidOperationException($"no message at {partition}@{offset}");
            Assert.Equal(offset, result.Offset.Value);
            return DateTimeOffset.FromUnixTimeMilliseconds(result.Message.Timestamp.UnixTimestampMs);
        }
        finally
        {
            _reader.Unassign();
        }
    }

    public void Dispose()
    {
        _reader.Close();
        _reader.Dispose();
    }
}
