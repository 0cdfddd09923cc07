using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Demo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Embedded;

/// <summary>
/// The in-process demo broker used when no bootstrap servers are configured. It is a new cluster
/// (new id, empty topics) at every start. Does nothing when a real cluster is configured.
/// </summary>
public sealed partial class EmbeddedBroker : IDisposable
{
    public const int BrokerCount = 3;

    private readonly MockKafkaCluster? _cluster;

    public EmbeddedBroker(IOptions<KafkaOptions> options, ILogger<EmbeddedBroker> logger)
    {
        var kafka = options.Value;
        if (!kafka.IsEmbedded)
        {
            return;
        }

        _cluster = new MockKafkaCluster(BrokerCount);
        var partitions = Math.Max(1, kafka.EmbeddedPartitions);
        foreach (var topic in DemoTopics.All)
        {
            _cluster.CreateTopic(topic, partitions);
        }

        LogStarted(logger, BrokerCount, _cluster.BootstrapServers, DemoTopics.All.Count, partitions);
    }

    /// <summary>True when the mock cluster runs in this process.</summary>
    public bool IsRunning => _cluster is not null;

    /// <summary>The mock brokers' addresses; throws when no embedded broker runs.</summary>
    public string BootstrapServers =>
        _cluster?.BootstrapServers ?? throw new InvalidOperationException("The embedded broker is not running: a real cluster is configured.");

    /// <summary>The mock cluster, for tests that take brokers down.</summary>
    public MockKafkaCluster? Cluster => _cluster;

    public void Dispose() => _cluster?.Dispose();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Embedded demo broker (librdkafka mock cluster, {Brokers} brokers) listening on {BootstrapServers}; created {Topics} demo topics with {Partitions} partitions each. Set EventObserver:Kafka:BootstrapServers to use a real cluster")]
    private static partial void LogStarted(ILogger logger, int brokers, string bootstrapServers, int topics, int partitions);
}
