namespace EventObserver.Storage.Configuration;

/// <summary>Which engine holds the event index (<c>EventObserver:Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded LiteDB file (<c>Storage:Path</c>): one observer, nothing to run beside the app. The default.</summary>
    LiteDb,

    /// <summary>
    /// A PostgreSQL schema (<c>Storage:ConnectionString</c>, <c>Storage:Schema</c>): several observers can share it, each
    /// indexing the partitions the consumer group gives it (<c>Kafka:Assignment = Group</c>) and showing them all.
    /// </summary>
    Postgres,
}
