using EventObserver.Access;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;

namespace EventObserver.Features.Status;

/// <summary>
/// The Status feature's reads: a <see cref="SystemStatus"/> from in-memory state only (ingestion counters and the
/// index's in-memory statistics), so it is cheap and never blocks on the broker or the index file. The status bar gets
/// it through the <see cref="SystemStatusBroadcaster"/>; <c>/healthz</c> and <c>/api/stats</c> ask here.
/// </summary>
public sealed class StatusQueries(IngestionStatus ingestion, ICurrentIndex indexes, IndexReads reads)
{
    /// <summary>The status now, for the endpoints, as <paramref name="access"/> may see it (<see cref="SystemStatus.VisibleTo"/>).</summary>
    public Task<SystemStatus> ReadAsync(UserAccess access, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read().VisibleTo(access));
    }

    /// <summary>
    /// The status now, on the calling thread: every part of it is kept in memory (for the broadcaster's timer, which
    /// reads once per period for all tabs).
    /// </summary>
    public SystemStatus Read()
    {
        // Statistics are in-memory counters of the index and two file lengths read at most once a second: no need to
        // leave the calling thread.
        var statistics = reads.RunNow(index => index.GetStatistics()).ValueOr(IndexStatistics.Empty);
        return new SystemStatus
        {
            BrokerState = ingestion.BrokerState,
            Embedded = ingestion.IsEmbedded,
            BootstrapServers = ingestion.BootstrapServers,
            ClusterId = ingestion.ClusterId ?? (indexes.TryGet(out var current) ? current.ClusterId : null),
            Lag = ingestion.Lag,
            EventsPerSec = Math.Round(ingestion.Rates.GetRate(), 2),
            IndexedEvents = statistics.TotalEvents,
            IndexSizeBytes = statistics.FileSizeBytes,
            IndexLogBytes = statistics.LogSizeBytes,
            TopicCounts = statistics.Topics.ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal),
            LastError = ingestion.LastError,
            LastErrorAt = ingestion.LastErrorAt,
            IndexSwitch = indexes.LastSwitch,
            Ingestion = ingestion.Watchdog.Evaluate(ingestion.BrokerState == BrokerState.Connected),
            RetentionGaps = statistics.RetentionGaps,
            MessagesLost = statistics.MessagesLost,
            WritePause = ingestion.WritePause,
            Rebuild = ingestion.Rebuild,
        };
    }
}
