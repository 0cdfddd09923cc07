namespace EventObserver.Features.Replay.Runs;

/// <summary>What a selection holds before running it.</summary>
/// <param name="Total">Events a run would read (after the limit).</param>
/// <param name="Matching">Events matching, before the limit.</param>
/// <param name="ProposedRedriveTopic">For dead letters: the original topic their headers name.</param>
public sealed record ReplaySelectionSummary(long Total, long Matching, string? ProposedRedriveTopic);
