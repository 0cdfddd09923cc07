using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Ingestion;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>Each index transaction is timed into the commit histogram and traced as one <c>ingest batch</c> activity.</summary>
public sealed class BatchWriteTelemetryTests
{
    private static readonly TimeSpan WriteTakes = TimeSpan.FromMilliseconds(30);

    [Fact]
    public void CommittedBatch_CommitDurationAndActivity_AreRecordedForThatWrite()
    {
        // Meters and sources are process-wide and other tests write batches in parallel: keep what this writer's thread records.
        var writer = new SlowWriter(WriteTakes);
        var durations = new ConcurrentBag<(int Thread, double Seconds)>();
        var activities = new ConcurrentBag<Activity>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == InstrumentCatalog.BatchCommitDuration.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, value, _, _) => durations.Add((Environment.CurrentManagedThreadId, value)));
        meters.Start();
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.IngestionSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(traces);
        var topicA = "a-" + Guid.NewGuid().ToString("N");
        var topicB = "b-" + Guid.NewGuid().ToString("N");

        var index = new IndexWriter(writer, new Dictionary<TopicPartitionKey, long>(), new IngestionStatus(TimeProvider.System), [],
            TimeProvider.System, NullLogger.Instance);
        index.Start();
        Assert.True(index.TryPost(new IngestBatch([Envelope(topicA, 0), Envelope(topicA, 1), Envelope(topicB, 0)], []), TimeSpan.FromSeconds(10)));
        index.CompleteAndWait();

        var duration = Assert.Single(durations, d => d.Thread == writer.Thread);
        Assert.InRange(duration.Seconds, WriteTakes.TotalSeconds, 60);
        var batch = Assert.Single(activities, a => a.OperationName == BatchWrite.ActivityName && Equals(a.GetTagItem(BatchWrite.EventsTag), 3)
            && a.Duration >= WriteTakes);
        Assert.Equal(2, batch.GetTagItem(BatchWrite.TopicsTag));
        Assert.Equal(3, batch.GetTagItem(BatchWrite.StoredTag));
        Assert.Equal("committed", batch.GetTagItem(BatchWrite.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Ok, batch.Status);
    }

    private static EventEnvelope Envelope(string topic, long offset) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_704_110_400_000 + offset,
        MessageId = $"{topic}/0/{offset}",
    };

    /// <summary>Takes at least <paramref name="takes"/> (measured, not slept) and remembers the writer's thread.</summary>
    private sealed class SlowWriter(TimeSpan takes) : IEventWriter
    {
        public int Thread { get; private set; }

        public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
        {
            Thread = Environment.CurrentManagedThreadId;
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < takes)
            {
                System.Threading.Thread.Yield();
            }

            return batch.Count;
        }
    }
}
