using System.Diagnostics;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Metrics;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// One index transaction as telemetry sees it: an <c>ingest batch</c> activity (when traced) and, once committed, its
/// duration in <c>eventobserver.ingestion.batch_commit.duration</c>. A write that throws ends as outcome
/// <c>failed</c>. A struct with no state of its own to change, so <c>using var</c> neither boxes nor copies it wrongly.
/// </summary>
internal readonly struct BatchWrite : IDisposable
{
    public const string ActivityName = "ingest batch";
    public const string EventsTag = "eventobserver.events";
    public const string TopicsTag = "eventobserver.topics";
    public const string StoredTag = "eventobserver.stored";
    public const string OutcomeTag = "eventobserver.outcome";

    private static readonly ActivitySource Source = new(TelemetryNames.IngestionSource);

    private readonly long _started;
    private readonly Activity? _activity;

    private BatchWrite(long started, Activity? activity)
    {
        _started = started;
        _activity = activity;
    }

    public static BatchWrite Start(List<EventEnvelope> events)
    {
        var activity = Source.StartActivity(ActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(EventsTag, events.Count);
            activity.SetTag(TopicsTag, CountTopics(events));
            activity.SetTag(OutcomeTag, "failed");
            activity.SetStatus(ActivityStatusCode.Error);
        }

        return new BatchWrite(Stopwatch.GetTimestamp(), activity);
    }

    /// <summary>The transaction committed, <paramref name="stored"/> of the batch's events were new to the index.</summary>
    public void Committed(int stored)
    {
        Instruments.BatchCommitDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(StoredTag, stored);
            _activity.SetTag(OutcomeTag, "committed");
            _activity.SetStatus(ActivityStatusCode.Ok);
        }
    }

    public void Dispose() => _activity?.Dispose();

    // Only when traced: one set per batch, not per event.
    private static int CountTopics(List<EventEnvelope> events)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in events)
        {
            topics.Add(envelope.Topic);
        }

        return topics.Count;
    }
}
