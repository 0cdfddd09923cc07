namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// What the ingestion watchdog concludes now: why ingestion is degraded (empty when it is fine), and whether and
/// since when the index is behind the broker.
/// </summary>
public sealed record IngestionHealth(IReadOnlyList<string> Reasons, long? BehindBy, DateTimeOffset? BehindSince)
{
    public static readonly IngestionHealth Fine = new([], null, null);

    public bool IsBehind => BehindBy is not null;
}
