using EventObserver.Kafka.Ingestion;

namespace EventObserver.Features.Status;

public sealed record HealthDto(
    string Status,
    bool BrokerReachable,
    BrokerState BrokerState,
    long Lag,
    long IndexSizeBytes,
    long IndexedEvents,
    string? ClusterId,
    bool Embedded,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<string> Reasons,
    string? Reason,
    long? BehindBy,
    DateTimeOffset? BehindSince);
