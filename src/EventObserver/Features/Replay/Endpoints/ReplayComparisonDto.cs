namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/replays/compare</c>: both finished runs and the changes of the final state, left → right.</summary>
public sealed record ReplayComparisonDto(ReplayRunDto Left, ReplayRunDto Right, IReadOnlyList<ReplayChangeDto> Changes, bool ChangesTruncated);
