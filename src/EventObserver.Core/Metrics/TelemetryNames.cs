namespace EventObserver.Core.Metrics;

/// <summary>The app's meter and activity source names: the host subscribes to exactly these.</summary>
public static class TelemetryNames
{
    public const string IngestionMeter = "EventObserver.Ingestion";
    public const string IndexMeter = "EventObserver.Index";
    public const string FeedMeter = "EventObserver.Feed";
    public const string ReplayMeter = "EventObserver.Replay";
    public const string GroupsMeter = "EventObserver.Groups";

    /// <summary>Activity source of the ingest batch writes (one activity per index transaction).</summary>
    public const string IngestionSource = "EventObserver.Ingestion";

    /// <summary>Activity source of replay runs (one activity per run).</summary>
    public const string ReplaySource = "EventObserver.Replay";

    public static IReadOnlyList<string> Meters { get; } = [IngestionMeter, IndexMeter, FeedMeter, ReplayMeter, GroupsMeter];

    public static IReadOnlyList<string> ActivitySources { get; } = [IngestionSource, ReplaySource];
}
