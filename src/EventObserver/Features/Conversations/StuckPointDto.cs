namespace EventObserver.Features.Conversations;

/// <summary>How many conversations of a process were stuck at a moment.</summary>
public sealed record StuckPointDto(DateTimeOffset At, int Stuck);
