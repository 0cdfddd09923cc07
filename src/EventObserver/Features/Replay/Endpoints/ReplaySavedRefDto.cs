namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A saved projection; the latest version when <paramref name="Version"/> is null.</summary>
/// <param name="Name">The saved projection's name.</param>
public sealed record ReplaySavedRefDto(string Name, int? Version);
