using System.Collections.Concurrent;
using System.Text;

using Confluent.Kafka;

using EventObserver.Kafka.Audit;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Tests.Audit;

public sealed class AuditTopicProducerTests(MockClusterFixture cluster) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Produce_ToTheMockCluster_EachRecordArrivesAsGivenKeyedByActor()
    {
        var topic = cluster.CreateTopic("audit-copy");
        var logger = new ListLogger();
        using var producer = new AuditTopicProducer(topic, Connection(cluster.BootstrapServers), logger);

        producer.Produce("olga", """{"action":"ReplayRun","actor":"olga"}"""u8.ToArray());
        producer.Produce("vera", """{"action":"SignIn","actor":"vera"}"""u8.ToArray());
        await Eventually.TrueAsync(() => producer.Delivered == 2, "both copies delivered");

        var copies = Consume(topic, 2);
        Assert.Equal(["olga", "vera"], copies.Select(c => c.Message.Key));
        Assert.Equal("""{"action":"SignIn","actor":"vera"}""", Encoding.UTF8.GetString(copies[1].Message.Value));
        Assert.Equal(0, producer.Failed);
        Assert.Empty(logger.Warnings);
    }

    [Fact]
    public async Task Produce_BrokerUnreachable_ReturnsAtOnce_CountsAndLogsTheFailure()
    {
        var logger = new ListLogger();
        using var producer = new AuditTopicProducer("audit", Connection("127.0.0.1:1"), logger, deliveryTimeout: TimeSpan.FromMilliseconds(500));
        var started = DateTime.UtcNow;

        producer.Produce("olga", "{}"u8.ToArray());

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "Produce waited for the broker");
        await Eventually.TrueAsync(() => producer.Failed == 1, "the delivery failure reported");
        Assert.Equal(0, producer.Delivered);
        Assert.Contains(logger.Warnings, w => w.Contains("not copied to Kafka topic audit", StringComparison.Ordinal));
    }

    private static KafkaConnection Connection(string bootstrapServers) =>
        KafkaConnection.ForCluster(new KafkaOptions { BootstrapServers = bootstrapServers }, bootstrapServers);

    private List<ConsumeResult<string, byte[]>> Consume(string topic, int count) =>
        TestConsumer.ReadFromStart<string>(cluster.BootstrapServers, topic, count);

    private sealed class ListLogger : ILogger<AuditTopicProducer>
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                _warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
