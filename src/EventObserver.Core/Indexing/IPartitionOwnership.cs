namespace EventObserver.Core.Indexing;

/// <summary>
/// An index several observers write at once (each owns some partitions, as Kafka's consumer group hands them out).
/// Ownership is fenced by the index itself: a claim raises the partition's owner epoch, and a write for a partition this
/// instance no longer holds at the current epoch is refused with <see cref="PartitionFencedException"/>, so an observer
/// that lost a partition during a long pause can never write over the range its successor is writing. An instance that
/// never claims writes unfenced (one observer per index).
/// </summary>
public interface IPartitionOwnership
{
    /// <summary>Who this instance is in the index (owner of claimed partitions, sender of commit notices).</summary>
    string ObserverId { get; }

    /// <summary>
    /// Takes <paramref name="partitions"/> over for this instance: each owner epoch goes up by one, which fences the
    /// previous owner from then on. Returns the checkpoints as committed now (a partition never written is absent), so
    /// the new owner resumes exactly where the last commit of any observer ended.
    /// </summary>
    IReadOnlyDictionary<TopicPartitionKey, long> Claim(IReadOnlyCollection<TopicPartitionKey> partitions);

    /// <summary>Gives up claims (partitions revoked or lost): writes for them are refused until claimed again.</summary>
    void Release(IReadOnlyCollection<TopicPartitionKey> partitions);
}
