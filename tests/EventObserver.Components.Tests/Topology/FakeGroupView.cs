using EventObserver.Core.Groups;

namespace EventObserver.Components.Tests.Topology;

/// <summary>A consumer-group view the test publishes to (the real monitor is another part's).</summary>
public sealed class FakeGroupView : IConsumerGroupView
{
    public ConsumerGroupsSnapshot Current { get; private set; } = ConsumerGroupsSnapshot.Empty;

    public event Action<ConsumerGroupsSnapshot>? Refreshed;

    public int Subscribers => Refreshed?.GetInvocationList().Length ?? 0;

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span) => [];

    public Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    public void Publish(DateTimeOffset at, params ConsumerGroupStatus[] groups)
    {
        Current = new ConsumerGroupsSnapshot(at, TimeSpan.Zero, groups, "fake");
        Refreshed?.Invoke(Current);
    }

    public static ConsumerGroupStatus Group(string id, string topic, long lag, TimeSpan? timeLag, double? perSecond) => new(
        id, GroupState.Stable, "consumer", "range", [], MembersKnown: true, [], [new GroupTopicLag(topic, 1, lag, timeLag, perSecond)], lag, timeLag);
}
