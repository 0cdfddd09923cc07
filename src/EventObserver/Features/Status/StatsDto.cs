using EventObserver.Kafka.Ingestion;

namespace EventObserver.Features.Status;

public sealed record StatsDto(
    long TotalIndexed,
    double EventsPerSec,
    IReadOnlyDictionary<string, long> Topics,
    long IndexSizeBytes,
    long Lag,
    BrokerState BrokerState,
    bool Embedded,
    string? ClusterId,
    RetentionGapTotalsDto RetentionGaps,
    long? BehindBy,
    DateTimeOffset? BehindSince,
    RebuildProgress? Rebuild = null);
