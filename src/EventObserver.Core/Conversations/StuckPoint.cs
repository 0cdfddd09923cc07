namespace EventObserver.Core.Conversations;

/// <summary>How many conversations of a process were stuck at a moment (one point of the stuck-over-time chart).</summary>
public readonly record struct StuckPoint(DateTimeOffset At, int Stuck);
