using System.Diagnostics.Metrics;

namespace EventObserver.Core.Metrics;

/// <summary>
/// The counters and histograms of <see cref="InstrumentCatalog"/>, process-wide like the code that records them
/// (consume loop, index writer, retention, feed subscriptions, replay runs). Recording with no listener costs a
/// branch; with one, a single-tag <c>Add</c> allocates nothing.
/// </summary>
public static class Instruments
{
    public const string TopicTag = "topic";
    public const string PartitionTag = "partition";
    public const string StatusTag = "status";
    public const string ReasonTag = "reason";
    public const string KindTag = "kind";
    public const string OutcomeTag = "outcome";
    public const string FileTag = "file";
    public const string GroupTag = "group";

    private static readonly Meter Ingestion = new(TelemetryNames.IngestionMeter);
    private static readonly Meter Index = new(TelemetryNames.IndexMeter);
    private static readonly Meter Feed = new(TelemetryNames.FeedMeter);
    private static readonly Meter Replay = new(TelemetryNames.ReplayMeter);

    // Index writes take milliseconds to seconds; the SDK's default buckets are meant for milliseconds.
    private static readonly double[] CommitBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] RunBuckets = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

    public static Counter<long> EventsConsumed { get; } = Counter(Ingestion, InstrumentCatalog.EventsConsumed);

    public static Counter<long> EventsIndexed { get; } = Counter(Ingestion, InstrumentCatalog.EventsIndexed);

    public static Histogram<double> BatchCommitDuration { get; } = Histogram(Ingestion, InstrumentCatalog.BatchCommitDuration, CommitBuckets);

    public static Counter<long> DecodeFailures { get; } = Counter(Ingestion, InstrumentCatalog.DecodeFailures);

    public static Counter<long> RetentionGaps { get; } = Counter(Ingestion, InstrumentCatalog.RetentionGaps);

    public static Counter<long> MessagesLost { get; } = Counter(Ingestion, InstrumentCatalog.MessagesLost);

    public static Counter<long> RetentionDeletions { get; } = Counter(Index, InstrumentCatalog.RetentionDeletions);

    public static Counter<long> FeedDroppedEvents { get; } = Counter(Feed, InstrumentCatalog.FeedDroppedEvents);

    public static Counter<long> ReplayRuns { get; } = Counter(Replay, InstrumentCatalog.ReplayRuns);

    public static Counter<long> ReplayEvents { get; } = Counter(Replay, InstrumentCatalog.ReplayEvents);

    public static Histogram<double> ReplayRunDuration { get; } = Histogram(Replay, InstrumentCatalog.ReplayRunDuration, RunBuckets);

    private static Counter<long> Counter(Meter meter, InstrumentSpec spec) =>
        meter.CreateCounter<long>(spec.Name, spec.Unit, spec.Description);

    private static Histogram<double> Histogram(Meter meter, InstrumentSpec spec, double[] buckets) =>
        meter.CreateHistogram(spec.Name, spec.Unit, spec.Description, tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });
}
