namespace EventObserver.Core.Groups;

/// <summary>How old the oldest event is that a group has not processed on one partition.</summary>
public sealed record TimeLag(TimeLagStatus Status, TimeSpan? Value = null, DateTimeOffset? FirstUncommittedAt = null)
{
    public static TimeLag CaughtUp { get; } = new(TimeLagStatus.CaughtUp, TimeSpan.Zero);

    public static TimeLag NoCommit { get; } = new(TimeLagStatus.NoCommit);

    public static TimeLag Unknown { get; } = new(TimeLagStatus.Unknown);
}
