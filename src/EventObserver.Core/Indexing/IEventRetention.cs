namespace EventObserver.Core.Indexing;

/// <summary>Deletes the oldest indexed events; checkpoints stay, so nothing is ingested again.</summary>
public interface IEventRetention
{
    /// <summary>Deletes the oldest events in batches until both limits hold. Returns how many were deleted.</summary>
    long ApplyRetention(RetentionPolicy policy, DateTimeOffset now);
}
