namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/replays/compare</c>: two projection requests run to the end, final states diffed left → right.</summary>
/// <param name="Left">A projection request, as for <c>POST /api/replays</c> (no <c>publish</c>).</param>
/// <param name="Right">A projection request, as for <c>POST /api/replays</c> (no <c>publish</c>).</param>
public sealed record ReplayCompareRequestDto(ReplayRequestDto? Left, ReplayRequestDto? Right);
