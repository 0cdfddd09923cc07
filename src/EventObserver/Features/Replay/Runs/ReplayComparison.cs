using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Two finished runs and the structural diff of their final states (left → right).</summary>
public sealed record ReplayComparison(ReplayRunSnapshot Left, ReplayRunSnapshot Right, IReadOnlyList<JsonChange> Changes, bool ChangesTruncated);
