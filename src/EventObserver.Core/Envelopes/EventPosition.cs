namespace EventObserver.Core.Envelopes;

/// <summary>A record's position in the cluster: topic, partition and offset.</summary>
public readonly record struct EventPosition(string Topic, int Partition, long Offset)
{
    public static string Format(string topic, int partition, long offset) => $"{topic}/{partition}/{offset}";

    public override string ToString() => Format(Topic, Partition, Offset);
}
