namespace EventObserver.Storage.Retention;

/// <summary>Null means unlimited.</summary>
public sealed record RetentionPolicy(long? MaxEvents, TimeSpan? MaxAge);
