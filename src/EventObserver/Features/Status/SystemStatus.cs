using EventObserver.Access;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Features.Status;

/// <summary>A snapshot of broker, ingestion and index state for the status bar, <c>/healthz</c> and <c>/api/stats</c>.</summary>
public sealed record SystemStatus
{
    public required BrokerState BrokerState { get; init; }
    public required bool Embedded { get; init; }
    public required string BootstrapServers { get; init; }
    public string? ClusterId { get; init; }
    public required long Lag { get; init; }
    public required double EventsPerSec { get; init; }
    public required long IndexedEvents { get; init; }
    /// <summary>The index file's size on disk (it only grows; see <see cref="IndexLogBytes"/> for the rest).</summary>
    public required long IndexSizeBytes { get; init; }

    /// <summary>The index's write-ahead log: recent writes, emptied into the file at each checkpoint.</summary>
    public long IndexLogBytes { get; init; }
    public required IReadOnlyDictionary<string, long> TopicCounts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public IndexSwitchNotice? IndexSwitch { get; init; }

    /// <summary>The ingestion watchdog's verdict: stall, growing lag, recent retention gaps; behind by how much since when.</summary>
    public IngestionHealth Ingestion { get; init; } = IngestionHealth.Fine;

    /// <summary>Retention gaps recorded in the index, and the messages they span (lost to the index).</summary>
    public long RetentionGaps { get; init; }

    public long MessagesLost { get; init; }

    /// <summary>Set while index writes are paused because the disk is full; reads go on.</summary>
    public IndexWritePause? WritePause { get; init; }

    /// <summary>The running or last rebuild of the index from Kafka; null when none ran since start.</summary>
    public RebuildProgress? Rebuild { get; init; }

    public bool BrokerReachable => BrokerState == BrokerState.Connected;

    /// <summary>Why the app is degraded; empty when it is healthy.</summary>
    public IReadOnlyList<string> Reasons => [.. PauseReasons, .. BrokerState switch
    {
        BrokerState.Connected => Ingestion.Reasons,
        BrokerState.Unreachable => [$"broker unreachable: {LastError ?? "no answer"}", .. Ingestion.Reasons],
        _ => ["connecting to the broker", .. Ingestion.Reasons],
    }];

    private IEnumerable<string> PauseReasons => WritePause is { } pause ? [$"index writes paused: {pause.Reason}"] : [];

    /// <summary>
    /// Healthy when the broker answers and ingestion makes progress; anything else is degraded (the app keeps
    /// serving its index).
    /// </summary>
    public bool Healthy => BrokerReachable && Ingestion.Reasons.Count == 0 && WritePause is null;

    /// <summary>
    /// The status as <paramref name="access"/> may see it. Figures about the pipeline and the index as a whole (broker,
    /// lag, rate, index size, total events, retention totals, ingestion health) name no topic and stay global; the
    /// per-topic counts hold readable topics only, and the broker's last error, free text that may name any topic, is
    /// left out for a user restricted to some topics.
    /// </summary>
    public SystemStatus VisibleTo(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Topics.IsUnrestricted
            ? this
            : this with
            {
                TopicCounts = TopicCounts.Where(t => access.CanRead(t.Key)).ToDictionary(StringComparer.Ordinal),
                LastError = null,
                LastErrorAt = null,
            };
    }
}
