namespace EventObserver.Core.Groups;

/// <summary>A consumer group's state as the group coordinator reports it; <see cref="Unknown"/> where the broker cannot say.</summary>
public enum GroupState
{
    Unknown,
    Stable,
    PreparingRebalance,
    CompletingRebalance,
    Empty,
    Dead,
}
