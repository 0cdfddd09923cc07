using EventObserver.Core.Groups;

namespace EventObserver.TestSupport.Groups;

/// <summary>A consumer group view that answers with the snapshot a test sets (the real monitor is tested on its own).</summary>
public sealed class SnapshotGroupView : IConsumerGroupView
{
    private ConsumerGroupsSnapshot _current = ConsumerGroupsSnapshot.Empty;

    public ConsumerGroupsSnapshot Current
    {
        get => _current;
        set
        {
            _current = value;
            Refreshed?.Invoke(value);
        }
    }

    public event Action<ConsumerGroupsSnapshot>? Refreshed;

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span) => [];

    public Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    /// <summary>A group that consumes the given topics with the given lag (messages, seconds) on each.</summary>
    public static ConsumerGroupStatus Group(string groupId, params (string Topic, long Lag, double? TimeLagSeconds)[] topics) => new(
        groupId,
        GroupState.Stable,
        "consumer",
        "range",
        [new GroupMember($"{groupId}-member", $"{groupId}-client", "/127.0.0.1", [])],
        true,
        [],
        [.. topics.Select(t => new GroupTopicLag(t.Topic, 1, t.Lag, t.TimeLagSeconds is { } s ? TimeSpan.FromSeconds(s) : null, null))],
        topics.Sum(t => t.Lag),
        null);
}
