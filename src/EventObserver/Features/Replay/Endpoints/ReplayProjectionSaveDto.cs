namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/projections</c>: saves the script as the next version of the name.</summary>
/// <param name="Name">1 to 200 characters.</param>
/// <param name="Script">The JavaScript projection, up to 262,144 characters; it must compile.</param>
/// <param name="Description">At most 2,000 characters.</param>
public sealed record ReplayProjectionSaveDto(string? Name, string? Script, string? Description);
