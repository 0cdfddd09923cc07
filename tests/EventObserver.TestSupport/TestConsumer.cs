using Confluent.Kafka;

namespace EventObserver.TestSupport;

/// <summary>Reads back what a test produced: partition 0 of a topic from its beginning.</summary>
public static class TestConsumer
{
    /// <summary>The first <paramref name="count"/> records of partition 0 (fewer when 20 s pass first); a fresh group each time.</summary>
    public static List<ConsumeResult<TKey, byte[]>> ReadFromStart<TKey>(string bootstrapServers, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<TKey, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var results = new List<ConsumeResult<TKey, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
