using Confluent.Kafka;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Embedded;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Connection;

/// <summary>
/// The effective connection of every Kafka client the app creates: the configured cluster or the
/// embedded broker, plus the <c>Kafka:Client</c> passthrough properties (SASL, SSL, …).
/// </summary>
public sealed class KafkaConnection
{
    private readonly KafkaOptions _options;

    public KafkaConnection(IOptions<KafkaOptions> options, EmbeddedBroker embeddedBroker)
        : this(options.Value, options.Value.IsEmbedded ? embeddedBroker.BootstrapServers : options.Value.BootstrapServers!)
    {
    }

    private KafkaConnection(KafkaOptions options, string bootstrapServers)
    {
        _options = options;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public bool IsEmbedded => _options.IsEmbedded;

    public KafkaOptions Options => _options;

    /// <summary>For tests and tools that bring their own cluster.</summary>
    public static KafkaConnection ForCluster(KafkaOptions options, string bootstrapServers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        return new KafkaConnection(options, bootstrapServers);
    }

    public ConsumerConfig CreateConsumerConfig()
    {
        var config = new ConsumerConfig(Build(new Dictionary<string, string>
        {
            ["client.id"] = "eventobserver-ingestion",
            ["session.timeout.ms"] = IsEmbedded ? "3000" : "6000",
            ["heartbeat.interval.ms"] = "1000",
            // Large fetches: raw consume is far faster than the index, so never let Kafka be the limit.
            ["fetch.max.bytes"] = "52428800",
            ["max.partition.fetch.bytes"] = "4194304",
            ["queued.max.messages.kbytes"] = "32768",
            ["fetch.wait.max.ms"] = "100",
            ["socket.nagle.disable"] = "true",
            ["allow.auto.create.topics"] = "false",
            // After a broker outage librdkafka's reconnect attempts are spaced up to 10 s apart by default: ingestion
            // would resume up to 10 s after the brokers return. One attempt per second per broker costs nothing.
            ["reconnect.backoff.max.ms"] = "1000",
        }))
        {
            GroupId = _options.GroupId,
            // The index holds the checkpoints (with the events, in one transaction); Kafka's are not used.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            TopicMetadataRefreshIntervalMs = _options.MetadataRefreshMs,
            // Only used when the broker deleted the position ingestion asked for (retention): go on from the oldest
            // message still there, never from the end, and record the gap. StartFrom is applied on assignment instead.
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        if (_options.Assignment == PartitionAssignment.Group)
        {
            // Several observers in one group: a member joining or leaving moves only the partitions that change hands,
            // and the others keep writing meanwhile.
            config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
        }

        return config;
    }

    /// <summary>
    /// A demo service's consumer in group <paramref name="groupId"/>: commits are the service's own (manual), fetches are
    /// small and lazy, and a short session so that a restarted service rejoins quickly (the mock rebalances in about
    /// session.timeout.ms).
    /// </summary>
    public ConsumerConfig CreateDemoConsumerConfig(string groupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        return new ConsumerConfig(Build(new Dictionary<string, string>
        {
            ["client.id"] = groupId,
            ["session.timeout.ms"] = "6000",
            ["heartbeat.interval.ms"] = "1000",
            // Measured on the mock: the first member owns its partitions after ~0.3 s with cooperative-sticky, ~1.1 s with range.
            ["partition.assignment.strategy"] = "cooperative-sticky",
            // librdkafka prefetches up to 64 MiB per consumer by default; a demo service needs a fraction of that.
            ["queued.max.messages.kbytes"] = "4096",
            ["allow.auto.create.topics"] = "false",
            ["reconnect.backoff.max.ms"] = "1000",
        }))
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            // A new group reads its topics from the start (they begin empty with the embedded broker), so no message
            // produced before the first assignment is skipped.
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
    }

    public ProducerConfig CreateProducerConfig(string clientId) =>
        new(Build(new Dictionary<string, string>
        {
            ["client.id"] = clientId,
            ["linger.ms"] = "5",
            ["compression.type"] = "lz4",
            ["socket.nagle.disable"] = "true",
        }));

    public AdminClientConfig CreateAdminConfig(string clientId) =>
        new(Build(new Dictionary<string, string> { ["client.id"] = clientId }));

    /// <summary>Our defaults, then the user's passthrough properties, then the bootstrap servers.</summary>
    private Dictionary<string, string> Build(Dictionary<string, string> defaults)
    {
        foreach (var (key, value) in _options.Client)
        {
            defaults[key] = value;
        }

        defaults["bootstrap.servers"] = BootstrapServers;
        return defaults;
    }
}
