namespace EventObserver.Core.Indexing;

/// <summary>
/// A write was refused because another observer claimed some of its partitions since this instance did (or this
/// instance released them). Nothing of the batch was written; the rest of the batch may be written without them.
/// </summary>
public sealed class PartitionFencedException : Exception
{
    public PartitionFencedException(IReadOnlyCollection<TopicPartitionKey> partitions)
        : base(Describe(partitions)) =>
        Partitions = partitions;

    public PartitionFencedException()
        : this([])
    {
    }

    public PartitionFencedException(string message)
        : base(message) =>
        Partitions = [];

    public PartitionFencedException(string message, Exception innerException)
        : base(message, innerException) =>
        Partitions = [];

    /// <summary>The partitions this instance no longer owns.</summary>
    public IReadOnlyCollection<TopicPartitionKey> Partitions { get; }

    private static string Describe(IReadOnlyCollection<TopicPartitionKey> partitions) =>
        $"Refused: another observer owns {string.Join(", ", partitions.Take(5).Select(p => p.ToString()))}"
        + (partitions.Count > 5 ? $" and {partitions.Count - 5} more partitions" : string.Empty)
        + " now (its owner epoch moved past this observer's claim)";
}
