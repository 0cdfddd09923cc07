using System.Diagnostics.Metrics;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Metrics;

namespace EventObserver.Core.Tests.Metrics;

/// <summary>Counting a committed batch is on the index writer's thread: once a topic was seen, it allocates nothing.</summary>
public sealed class CommittedBatchMetricsAllocationTests
{
    [Fact]
    public void OnCommitted_LaterBatchesOfKnownTopics_AllocateNothingWhileListenedTo()
    {
        long total = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == InstrumentCatalog.EventsIndexed.Name || instrument.Name == InstrumentCatalog.DecodeFailures.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
        var observer = new CommittedBatchMetrics();
        var topics = new[] { "alloc-a-" + Guid.NewGuid().ToString("N"), "alloc-b-" + Guid.NewGuid().ToString("N") };
        var batch = Enumerable.Range(0, 1000).Select(i => new EventEnvelope
        {
            Topic = topics[i % 2],
            Partition = 0,
            Offset = i,
            TimestampMs = 1_704_110_400_000 + i,
            MessageId = $"m{i}",
            Decoding = i % 10 == 0 ? new PayloadDecoding { Format = SchemaFormat.Avro, Status = DecodeStatus.Corrupt } : null,
        }).ToList();
        observer.OnCommitted(batch);

        var before = GC.GetAllocatedBytesForCurrentThread();
        observer.OnCommitted(batch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(Interlocked.Read(ref total) >= 2 * (1000 + 100), "the batches were counted");
    }
}
