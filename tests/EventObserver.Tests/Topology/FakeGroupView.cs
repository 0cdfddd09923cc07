using EventObserver.Core.Groups;

namespace EventObserver.Tests.Topology;

/// <summary>A consumer-group view whose snapshot the test sets (the real monitor is another part's).</summary>
public sealed class FakeGroupView : IConsumerGroupView
{
    public ConsumerGroupsSnapshot Current { get; set; } = ConsumerGroupsSnapshot.Empty;

    public event Action<ConsumerGroupsSnapshot>? Refreshed;

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span) => [];

    public Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    public void Publish(ConsumerGroupsSnapshot snapshot)
    {
        Current = snapshot;
        Refreshed?.Invoke(snapshot);
    }

    public static ConsumerGroupStatus Group(string id, params (string Topic, long Lag, double Seconds, double PerSecond)[] topics) => new(
        id, GroupState.Stable, "consumer", "range", [], MembersKnown: true,
        [.. topics.Select(t => new PartitionLag(t.Topic, 0, 0, t.Lag, t.Lag, TimeLag.Unknown))],
        [.. topics.Select(t => new GroupTopicLag(t.Topic, 1, t.Lag, TimeSpan.FromSeconds(t.Seconds), t.PerSecond))],
        topics.Sum(t => t.Lag),
        topics.Length == 0 ? null : TimeSpan.FromSeconds(topics.Max(t => t.Seconds)));
}
