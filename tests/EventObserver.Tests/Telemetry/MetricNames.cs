namespace EventObserver.Tests.Telemetry;

/// <summary>Names as Prometheus exposes them (docs/metrics.md), written out so a rename fails a test.</summary>
public static class MetricNames
{
    public const string EventsIndexed = "eventobserver_ingestion_events_indexed_total";
    public const string EventsConsumed = "eventobserver_ingestion_events_consumed_total";
    public const string DecodeFailures = "eventobserver_ingestion_decode_failures_total";
    public const string GroupLag = "eventobserver_groups_lag";
    public const string GroupTimeLag = "eventobserver_groups_time_lag_seconds";
}
