using EventObserver.Kafka.Ingestion;

namespace EventObserver.Features.Status;

/// <param name="GcPauseSeconds">
/// The process's total garbage-collection pause time since it started (all generations, as
/// <see cref="GC.GetTotalPauseDuration"/>): the soak benchmark reads how much of a run the app spent paused.
/// </param>
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
    double GcPauseSeconds,
    RebuildProgress? Rebuild = null);
