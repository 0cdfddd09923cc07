namespace EventObserver.Core.Indexing;

public readonly record struct TopicPartitionKey(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}/{Partition}";
}
