using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Kafka.Ingestion;
using EventObserver.Features.Status;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Layout;

/// <summary>The one status reader of all open tabs: one read per period, pushed to every subscriber.</summary>
public sealed class StatusBroadcasterTests : DashboardTestContext
{
    private SystemStatusBroadcaster Broadcaster => Context.Services.GetRequiredService<SystemStatusBroadcaster>();

    [Fact]
    public void Broadcaster_ThreeSubscribers_ReadsOncePerPeriodForAllOfThem()
    {
        var received = new int[3];
        var subscriptions = Enumerable.Range(0, 3).Select(i => Broadcaster.Subscribe(_ => Interlocked.Increment(ref received[i]))).ToList();

        for (var period = 0; period < 4; period++)
        {
            Time.Advance(SystemStatusBroadcaster.Period);
        }

        Assert.Equal(4, Broadcaster.Reads);
        Assert.Equal([4, 4, 4], received);
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public void Broadcaster_PushedSnapshot_CarriesTheStateAtThatRead()
    {
        SystemStatus? pushed = null;
        using var subscription = Broadcaster.Subscribe(s => pushed = s);

        Ingestion.BrokerState = BrokerState.Unreachable;
        Time.Advance(SystemStatusBroadcaster.Period);

        Assert.Equal(BrokerState.Unreachable, pushed?.BrokerState);
        Assert.Same(pushed, Broadcaster.Current);
    }

    [Fact]
    public void Broadcaster_DisposedSubscriber_GetsNothingMore()
    {
        var (gone, staying) = (0, 0);
        var leaving = Broadcaster.Subscribe(_ => gone++);
        using var stays = Broadcaster.Subscribe(_ => staying++);
        Time.Advance(SystemStatusBroadcaster.Period);

        leaving.Dispose();
        Time.Advance(SystemStatusBroadcaster.Period);
        Time.Advance(SystemStatusBroadcaster.Period);

        Assert.Equal((1, 3), (gone, staying));
    }

    [Fact]
    public void Broadcaster_NoSubscriberLeft_ReadsNothing()
    {
        Broadcaster.Subscribe(_ => { }).Dispose();

        for (var period = 0; period < 10; period++)
        {
            Time.Advance(SystemStatusBroadcaster.Period);
        }

        Assert.Equal(0, Broadcaster.Reads);
        Assert.Equal(0, Broadcaster.Subscribers);
    }

    [Fact]
    public void Current_NoSubscriber_ReadsAtMostOncePerPeriod()
    {
        var first = Broadcaster.Current;
        var again = Broadcaster.Current;
        var readsWithinThePeriod = Broadcaster.Reads;
        Time.Advance(SystemStatusBroadcaster.Period);

        var later = Broadcaster.Current;

        Assert.Same(first, again);
        Assert.Equal(1, readsWithinThePeriod);
        Assert.NotSame(first, later);
        Assert.Equal(2, Broadcaster.Reads);
    }
}
