using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>
/// An index that writes at most about <see cref="EventsPerSecond"/> events a second, in small slices (so progress shows
/// steadily), to make ingestion slower than production.
/// </summary>
internal sealed class ThrottledIndex(IEventIndex inner) : IEventIndex
{
    private const int Slice = 10;

    public int EventsPerSecond { get; set; } = int.MaxValue;

    public string ClusterId => inner.ClusterId;

    public string FilePath => inner.FilePath;

    public ILineageSource Lineage => inner.Lineage;

    public int Write(IReadOnlyList<EventEnvelope> batch) => Write(batch, []);

    public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
    {
        if (EventsPerSecond == int.MaxValue || batch.Count <= Slice)
        {
            Pause(batch.Count);
            return inner.Write(batch, gaps);
        }

        var stored = 0;
        var pending = gaps.ToList();
        for (var start = 0; start < batch.Count; start += Slice)
        {
            var slice = batch.Skip(start).Take(Slice).ToList();

            // A gap goes with the slice holding the first event after it; earlier events must not fall below its checkpoint.
            var withSlice = start + Slice >= batch.Count ? pending
                : pending.Where(g => slice.Any(e => e.Topic == g.Topic && e.Partition == g.Partition && e.Offset > g.LastOffset)).ToList();
            pending = [.. pending.Except(withSlice)];
            Pause(slice.Count);
            stored += inner.Write(slice, withSlice);
        }

        return stored;
    }

    public IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue) => inner.GetRetentionGaps(topic, limit);

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints() => inner.GetCheckpoints();

    public EventEnvelope? Get(string topic, int partition, long offset) => inner.Get(topic, partition, offset);

    public IReadOnlyList<EventEnvelope> Query(EventSelection selection) => inner.Query(selection);

    public IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range) => inner.ReadOldestFirst(range);

    public long Count(EventRange range) => inner.Count(range);

    public IndexStatistics GetStatistics() => inner.GetStatistics();

    public IReadOnlyList<PartitionIndexRange> GetPartitionRanges(string topic) => inner.GetPartitionRanges(topic);

    public long ApplyRetention(RetentionPolicy policy, DateTimeOffset now) => inner.ApplyRetention(policy, now);

    private void Pause(int events)
    {
        var rate = EventsPerSecond;
        if (rate != int.MaxValue && events > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(events / (double)rate));
        }
    }
}
