namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/replays/compare</c>: two projection requests run to the end, final states diffed left → right.</summary>
public sealed record ReplayCompareRequestDto(ReplayRequestDto? Left, ReplayRequestDto? Right);
