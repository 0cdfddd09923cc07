namespace EventObserver.Storage.Projections;

/// <summary>One saved version of a projection script. Versions of a name count up from 1 and are never changed.</summary>
public sealed record ProjectionDefinition(string Name, int Version, string Script, string? Description, DateTimeOffset SavedAt);
