namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/projections</c>: saves the script as the next version of the name.</summary>
public sealed record ReplayProjectionSaveDto(string? Name, string? Script, string? Description);
