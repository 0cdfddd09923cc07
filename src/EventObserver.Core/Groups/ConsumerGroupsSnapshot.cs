namespace EventObserver.Core.Groups;

/// <summary>
/// Every group at one refresh. <see cref="Error"/> is set when the refresh failed as a whole (the previous groups are
/// then kept in <see cref="Groups"/>); <see cref="Source"/> says how groups were found (shown on the page).
/// </summary>
public sealed record ConsumerGroupsSnapshot(
    DateTimeOffset TakenAt,
    TimeSpan RefreshDuration,
    IReadOnlyList<ConsumerGroupStatus> Groups,
    string Source,
    string? Error = null)
{
    public static ConsumerGroupsSnapshot Empty { get; } = new(DateTimeOffset.MinValue, TimeSpan.Zero, [], "not refreshed yet");
}
