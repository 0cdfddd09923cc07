using EventObserver.Core.Envelopes;
using EventObserver.Core.Querying;
using EventObserver.Storage.Index;

namespace EventObserver.Kafka.Tests.Support;

internal static class IndexAssertions
{
    /// <summary>All indexed events of a topic (tests keep topics under the query limit).</summary>
    public static IReadOnlyList<EventEnvelope> All(this IEventIndex index, string topic) =>
        index.Query(new EventQuery { Topic = topic, Limit = EventQuery.MaxLimit });

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
}
