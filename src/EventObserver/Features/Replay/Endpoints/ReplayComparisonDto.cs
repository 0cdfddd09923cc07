namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>POST /api/replays/compare</c>: both finished runs and the changes of the final state, left → right.</summary>
/// <param name="Left">The left run, without its state.</param>
/// <param name="Right">The right run, without its state.</param>
/// <param name="Changes">Differences of the final states, left → right; at most 10,000.</param>
/// <param name="ChangesTruncated">True when there were more changes than listed.</param>
public sealed record ReplayComparisonDto(ReplayRunDto Left, ReplayRunDto Right, IReadOnlyList<ReplayChangeDto> Changes, bool ChangesTruncated);
