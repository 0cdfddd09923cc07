namespace EventObserver.Core.Metrics;

/// <summary>
/// Every instrument the app publishes, in one list (docs/metrics.md documents each by its Prometheus name, and a test
/// checks the Grafana dashboard against a real scrape). Counters and histograms are recorded through
/// <see cref="Instruments"/>; the observable gauges read the host's live state and are created by the host.
/// </summary>
public static class InstrumentCatalog
{
    // Ingestion (recorded on the consume and index-writer threads).
    public static readonly InstrumentSpec EventsConsumed = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.events_consumed", "{event}", "Records read from Kafka and handed to the index writer, per topic");

    public static readonly InstrumentSpec EventsIndexed = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.events_indexed", "{event}", "Events in committed index transactions, per topic");

    public static readonly InstrumentSpec BatchCommitDuration = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.batch_commit.duration", "s", "Time to write one batch (events, gaps and checkpoints) in one index transaction");

    public static readonly InstrumentSpec DecodeFailures = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.decode_failures", "{event}", "Schema-encoded values or keys indexed without a decoded view, by decode status");

    public static readonly InstrumentSpec RetentionGaps = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.retention_gaps", "{gap}", "Ranges the broker deleted before they were indexed");

    public static readonly InstrumentSpec MessagesLost = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.messages_lost", "{message}", "Messages the broker deleted before they were indexed");

    public static readonly InstrumentSpec ConsumerLag = new(TelemetryNames.IngestionMeter,
        "eventobserver.ingestion.consumer_lag", "{message}", "Messages on the broker beyond the index, per partition (log end minus next offset to index)");

    // Index.
    public static readonly InstrumentSpec IndexSize = new(TelemetryNames.IndexMeter,
        "eventobserver.index.size", "By", "Bytes on disk of the index: the data file and its write-ahead log");

    public static readonly InstrumentSpec IndexEvents = new(TelemetryNames.IndexMeter,
        "eventobserver.index.events", "{event}", "Events in the index");

    public static readonly InstrumentSpec RetentionDeletions = new(TelemetryNames.IndexMeter,
        "eventobserver.index.retention_deletions", "{event}", "Events deleted from the index by its retention (Storage:MaxEvents, Storage:MaxAge)");

    // Live feed and hub.
    public static readonly InstrumentSpec FeedSubscribers = new(TelemetryNames.FeedMeter,
        "eventobserver.feed.subscribers", "{subscription}", "Open subscriptions to the in-process live feed (pages and hub clients)");

    public static readonly InstrumentSpec HubClients = new(TelemetryNames.FeedMeter,
        "eventobserver.feed.hub_clients", "{connection}", "SignalR hub connections with a live subscription");

    public static readonly InstrumentSpec FeedDroppedEvents = new(TelemetryNames.FeedMeter,
        "eventobserver.feed.dropped_events", "{event}", "Live events a subscriber did not get: its queue was full, or its hub client too slow");

    // Replay.
    public static readonly InstrumentSpec ReplayRuns = new(TelemetryNames.ReplayMeter,
        "eventobserver.replay.runs", "{run}", "Finished replay runs, by kind and outcome");

    public static readonly InstrumentSpec ReplayEvents = new(TelemetryNames.ReplayMeter,
        "eventobserver.replay.events", "{event}", "Events processed by finished replay runs, by kind");

    public static readonly InstrumentSpec ReplayRunDuration = new(TelemetryNames.ReplayMeter,
        "eventobserver.replay.run.duration", "s", "Running time of a finished replay run (pauses excluded), by kind");

    // Consumer groups (observable gauges over the group monitor's latest refresh).
    public static readonly InstrumentSpec GroupLag = new(TelemetryNames.GroupsMeter,
        "eventobserver.groups.lag", "{message}", "Messages a consumer group has not consumed (log end minus committed offset), per group, topic and partition");

    public static readonly InstrumentSpec GroupTimeLag = new(TelemetryNames.GroupsMeter,
        "eventobserver.groups.time_lag", "s", "Age of the oldest event a consumer group has not consumed (from the index), per group and topic");

    public static readonly InstrumentSpec GroupsRefreshDuration = new(TelemetryNames.GroupsMeter,
        "eventobserver.groups.refresh.duration", "s", "Time the latest consumer group refresh took (list, describe, offsets, watermarks, time lag)");

    public static readonly InstrumentSpec GroupsWithErrors = new(TelemetryNames.GroupsMeter,
        "eventobserver.groups.errors", "{group}", "Consumer groups whose latest refresh failed (the whole refresh failing counts every group shown)");

    public static IReadOnlyList<InstrumentSpec> All { get; } =
    [
        EventsConsumed, EventsIndexed, BatchCommitDuration, DecodeFailures, RetentionGaps, MessagesLost, ConsumerLag,
        IndexSize, IndexEvents, RetentionDeletions,
        FeedSubscribers, HubClients, FeedDroppedEvents,
        ReplayRuns, ReplayEvents, ReplayRunDuration,
        GroupLag, GroupTimeLag, GroupsRefreshDuration, GroupsWithErrors,
    ];
}
