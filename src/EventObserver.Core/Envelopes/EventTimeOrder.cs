namespace EventObserver.Core.Envelopes;

/// <summary>
/// The one order for "earlier" and "later" across the product (lineage, the live feed): Kafka timestamp, then topic
/// (ordinal), partition and offset, so events with equal timestamps still sort the same way every time.
/// </summary>
public static class EventTimeOrder
{
    public static int Compare(long timestampX, string topicX, int partitionX, long offsetX, long timestampY, string topicY, int partitionY, long offsetY)
    {
        var byTime = timestampX.CompareTo(timestampY);
        if (byTime != 0)
        {
            return byTime;
        }

        var byTopic = string.CompareOrdinal(topicX, topicY);
        if (byTopic != 0)
        {
            return byTopic;
        }

        var byPartition = partitionX.CompareTo(partitionY);
        return byPartition != 0 ? byPartition : offsetX.CompareTo(offsetY);
    }
}
