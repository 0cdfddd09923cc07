using Confluent.Kafka;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>Sends messages of a given size to chosen partitions (retention tests need to fill one partition's log).</summary>
internal sealed class PartitionProducer(string bootstrapServers) : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        LingerMs = 5,
        MessageMaxBytes = 4 * 1024 * 1024,
        QueueBufferingMaxMessages = 100_000,
    }).SetLogHandler((_, _) => { }).Build();

    private long _failures;

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Queues <paramref name="count"/> messages of <paramref name="bytes"/> bytes each (JSON <c>{"n":…}</c> padded).</summary>
    public void Enqueue(string topic, int partition, int count, int bytes)
    {
        for (var i = 0; i < count; i++)
        {
            var text = $"{{\"n\":{i},\"pad\":\"{new string('x', Math.Max(0, bytes - 20))}\"}}";
            _producer.Produce(
                new TopicPartition(topic, new Partition(partition)),
                new Message<byte[], byte[]> { Value = System.Text.Encoding.UTF8.GetBytes(text) },
                report =>
                {
                    if (report.Error.IsError)
                    {
                        Interlocked.Increment(ref _failures);
                    }
                });
        }
    }

    public void Send(string topic, int partition, int count, int bytes)
    {
        Enqueue(topic, partition, count, bytes);
        Flush();
    }

    public void Flush()
    {
        if (_producer.Flush(TimeSpan.FromSeconds(60)) > 0 || Failures > 0)
        {
            throw new InvalidOperationException($"{Failures} test messages failed or were still queued.");
        }
    }

    public WatermarkOffsets Watermarks(string topic, int partition)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = "watermarks" }).Build();
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, new Partition(partition)), TimeSpan.FromSeconds(10));
    }

    private string BootstrapServers { get; } = bootstrapServers;

    public void Dispose() => _producer.Dispose();
}
