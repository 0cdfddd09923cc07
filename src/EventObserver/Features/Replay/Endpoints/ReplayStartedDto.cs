namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A started run (<c>202</c>, with its address in <c>Location</c>).</summary>
/// <param name="Id">The run's id, for <c>/api/replays/{id}</c>.</param>
public sealed record ReplayStartedDto(string Id);
