using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;


namespace EventObserver.Kafka.Tests.Support;

internal static class IndexAssertions
{
    /// <summary>All indexed events of a topic (tests keep topics under the query limit).</summary>
    public static IReadOnlyList<EventEnvelope> All(this IEventIndex index, string topic) =>
        index.Query(new EventSelection { Topics = [topic], Limit = EventSelection.MaxLimit });

    /// <summary>Asserts the topic holds offsets 0..n-1 of every partition exactly once, <paramref name="expected"/> in all.</summary>
    public static void HoldsExactlyOnce(this IEventIndex index, string topic, int expected)
    {
        var events = index.All(topic);
        Assert.Equal(expected, events.Count);
        Assert.Equal(expected, index.GetStatistics().Topics[topic].Count);
        foreach (var partition in events.GroupBy(e => e.Partition))
        {
            var offsets = partition.Select(e => e.Offset).Order().ToList();
            Assert.Equal(Enumerable.Range(0, offsets.Count).Select(i => (long)i), offsets);
        }
    }

    /// <summary>
    /// Asserts that, per partition, the indexed offsets and the recorded retention gaps together cover 0 up to the
    /// partition's checkpoint exactly once: nothing indexed twice, nothing missing without a gap saying why.
    /// Returns the indexed count per partition.
    /// </summary>
    public static Dictionary<int, long> CoversExactlyOnce(this IEventIndex index, string topic)
    {
        var events = index.ReadOldestFirst(new EventRange { Selection = new EventSelection { Topics = [topic] } })
            .GroupBy(e => e.Partition)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Offset).Order().ToList());
        var gaps = index.GetRetentionGaps(topic).GroupBy(g => g.Partition).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (key, next) in index.GetCheckpoints().Where(c => c.Key.Topic == topic))
        {
            var covered = new List<long>(events.GetValueOrDefault(key.Partition) ?? []);
            foreach (var gap in gaps.GetValueOrDefault(key.Partition) ?? [])
            {
                covered.AddRange(Enumerable.Range(0, (int)gap.Count).Select(i => gap.FirstOffset + i));
            }

            covered.Sort();
            Assert.Equal(Enumerable.Range(0, (int)next).Select(i => (long)i), covered);
        }

        return events.ToDictionary(e => e.Key, e => (long)e.Value.Count);
    }
}
