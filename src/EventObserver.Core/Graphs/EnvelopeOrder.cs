using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// The one order lineage uses for "earlier" and "later": Kafka timestamp, then topic (ordinal),
/// partition and offset, so messages with equal timestamps still sort the same way every time.
/// </summary>
internal sealed class EnvelopeOrder : IComparer<EventEnvelope>
{
    public static readonly EnvelopeOrder Instance = new();

    public int Compare(EventEnvelope? x, EventEnvelope? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byTime = x.TimestampMs.CompareTo(y.TimestampMs);
        if (byTime != 0)
        {
            return byTime;
        }

        var byTopic = string.CompareOrdinal(x.Topic, y.Topic);
        if (byTopic != 0)
        {
            return byTopic;
        }

        var byPartition = x.Partition.CompareTo(y.Partition);
        return byPartition != 0 ? byPartition : x.Offset.CompareTo(y.Offset);
    }
}
