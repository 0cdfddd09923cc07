using EventObserver.Kafka.SchemaRegistry;

namespace EventObserver.Kafka.Configuration;

/// <summary>Bound from <c>EventObserver:Kafka</c>.</summary>
public sealed class KafkaOptions
{
    /// <summary>Empty: start the embedded demo broker (librdkafka's mock cluster) in-process.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Any Confluent/librdkafka client property (SASL, SSL, …), passed through as is.</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Regular expressions; a topic is ingested when it matches any. Default: every topic.</summary>
    public List<string> IncludeTopics { get; set; } = [];

    /// <summary>
    /// Regular expressions; a matching topic is never ingested. Default: names starting with '_' (internal
    /// topics). Setting the list replaces that default: keep <c>^_</c> in it to still skip internal topics.
    /// </summary>
    public List<string> ExcludeTopics { get; set; } = [];

    /// <summary>Where a partition never seen before starts: Earliest (default) or Latest.</summary>
    public StartPosition StartFrom { get; set; } = StartPosition.Earliest;

    /// <summary>The consumer group ingestion joins with <see cref="PartitionAssignment.Group"/>; unused with Manual.</summary>
    public string GroupId { get; set; } = "eventobserver";

    /// <summary>Manual (default: every included partition, no consumer group) or Group (Kafka spreads the partitions).</summary>
    public PartitionAssignment Assignment { get; set; } = PartitionAssignment.Manual;

    /// <summary>How often topic metadata is refreshed, so new topics are picked up.</summary>
    public int MetadataRefreshMs { get; set; } = 5000;

    /// <summary>Most records written to the index in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 5000;

    /// <summary>
    /// Health turns Degraded when the broker has data beyond the index and nothing was indexed for this long, or
    /// when the lag grew for this long.
    /// </summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Partitions of the embedded broker's demo topics.</summary>
    public int EmbeddedPartitions { get; set; } = 3;

    /// <summary>The Schema Registry that resolves the schema ids of Avro, Protobuf and JSON Schema payloads.</summary>
    public SchemaRegistryOptions SchemaRegistry { get; set; } = new();

    public bool IsEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);
}
