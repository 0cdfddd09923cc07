using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Groups;

/// <summary>The view when consumer groups are turned off (<c>EventObserver:Groups:Enabled=false</c>): no groups, and a reason.</summary>
public sealed class UnavailableConsumerGroupView : IConsumerGroupView
{
    private static readonly ConsumerGroupsSnapshot Off =
        new(DateTimeOffset.MinValue, TimeSpan.Zero, [], "consumer groups are turned off (EventObserver:Groups:Enabled=false)");

    public ConsumerGroupsSnapshot Current => Off;

    public event Action<ConsumerGroupsSnapshot>? Refreshed
    {
        add { }
        remove { }
    }

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span) => [];

    public Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken) => Task.FromResult(Off);
}
