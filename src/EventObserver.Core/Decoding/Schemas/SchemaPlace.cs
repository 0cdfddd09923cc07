namespace EventObserver.Core.Decoding.Schemas;

/// <summary>One subject and version under which a registry holds a schema id (one id can be in several subjects).</summary>
public sealed record SchemaPlace(string Subject, int Version);
