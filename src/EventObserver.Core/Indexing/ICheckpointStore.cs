namespace EventObserver.Core.Indexing;

/// <summary>Where ingestion resumes: the checkpoints <see cref="IEventWriter"/> commits with the events.</summary>
public interface ICheckpointStore
{
    /// <summary>Next offset to consume per partition, as committed with the events.</summary>
    IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints();
}
