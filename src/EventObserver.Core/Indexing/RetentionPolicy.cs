namespace EventObserver.Core.Indexing;

/// <summary>Null means unlimited.</summary>
public sealed record RetentionPolicy(long? MaxEvents, TimeSpan? MaxAge);
