using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// <see cref="EventTimeOrder"/> over envelopes: what lineage means by "earlier" and "later".
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

        return EventTimeOrder.Compare(x.TimestampMs, x.Topic, x.Partition, x.Offset, y.TimestampMs, y.Topic, y.Partition, y.Offset);
    }
}
