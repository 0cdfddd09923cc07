namespace EventObserver.Api;

/// <summary>A saved projection; the latest version when <paramref name="Version"/> is null.</summary>
public sealed record ReplaySavedRefDto(string Name, int? Version);
