namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A started run (<c>202</c>, with its address in <c>Location</c>).</summary>
public sealed record ReplayStartedDto(string Id);
