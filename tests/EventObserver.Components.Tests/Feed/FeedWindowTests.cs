using EventObserver.Features.Feed;

namespace EventObserver.Components.Tests.Feed;

public sealed class FeedWindowTests
{
    [Fact]
    public void Window_LiveRowsBeyondCapacity_KeepsTheNewestFirst()
    {
        var window = new FeedWindow(capacity: 3);

        window.AddNewer([Row(0), Row(1)]);
        window.AddNewer([Row(2), Row(3), Row(4)]);

        Assert.Equal(["t/0/4", "t/0/3", "t/0/2"], window.Rows.Select(r => r.Id));
        Assert.False(window.Contains("t/0/1"));
    }

    [Fact]
    public void Window_SameEventTwice_IsShownOnce()
    {
        var window = new FeedWindow();

        window.AddNewer([Row(0), Row(1)]);
        var added = window.AddNewer([Row(1), Row(2)]);

        Assert.Equal(1, added);
        Assert.Equal(["t/0/2", "t/0/1", "t/0/0"], window.Rows.Select(r => r.Id));
    }

    [Fact]
    public void Window_OlderPage_IsAppendedBelowUpToTwiceTheCapacity()
    {
        var window = new FeedWindow(capacity: 2);
        window.AddNewer([Row(10), Row(11)]);

        var added = window.AddOlder([Row(9), Row(8), Row(7), Row(6)]);

        Assert.Equal(2, added);
        Assert.Equal(["t/0/11", "t/0/10", "t/0/9", "t/0/8"], window.Rows.Select(r => r.Id));
        Assert.Equal("t/0/8", window.Oldest?.Id);
    }

    [Fact]
    public void Window_Rows_IndexLikeAList()
    {
        var window = new FeedWindow();
        window.AddNewer([Row(0), Row(1), Row(2)]);

        Assert.Equal("t/0/2", window.Rows[0].Id);
        Assert.Equal("t/0/0", window.Rows[2].Id);
        Assert.Equal(["t/0/1", "t/0/0"], window.Rows.Skip(1).Take(5).Select(r => r.Id));
    }

    [Fact]
    public void Window_LaterBatchCarriesAnOlderEvent_ShowsItBelowTheNewerRows()
    {
        // One conversation over two partitions: partition 1 is consumed later than partition 0.
        var window = new FeedWindow();
        window.AddNewer([At("orders", 0, 1, 19_318), At("payments", 0, 2, 19_400)]);

        window.AddNewer([At("inventory", 1, 7, 19_273), At("shipping", 0, 3, 19_500)]);

        Assert.Equal(["shipping/0/3", "payments/0/2", "orders/0/1", "inventory/1/7"], window.Rows.Select(r => r.Id));
    }

    [Fact]
    public void Window_BatchOutOfOrder_IsShownNewestFirstByTimestamp()
    {
        var window = new FeedWindow();

        window.AddNewer([At("a", 0, 3, 300), At("a", 1, 9, 100), At("b", 0, 5, 200)]);

        Assert.Equal(["a/0/3", "b/0/5", "a/1/9"], window.Rows.Select(r => r.Id));
        Assert.Equal("a/1/9", window.Oldest?.Id);
    }

    [Fact]
    public void Window_SameTimestamp_OrdersByTopicPartitionAndOffset()
    {
        var window = new FeedWindow();

        window.AddNewer([At("t", 0, 8, 500), At("s", 2, 1, 500)]);
        window.AddNewer([At("t", 0, 7, 500), At("t", 1, 1, 500)]);

        Assert.Equal(["t/1/1", "t/0/8", "t/0/7", "s/2/1"], window.Rows.Select(r => r.Id));
    }

    [Fact]
    public void Window_OlderPageOverlappingTheLiveRows_IsMergedInTimeOrder()
    {
        var window = new FeedWindow();
        window.AddNewer([At("a", 0, 1, 100), At("a", 0, 3, 300)]);

        var added = window.AddOlder([At("b", 0, 2, 200), At("b", 0, 0, 50)]);

        Assert.Equal(2, added);
        Assert.Equal(["a/0/3", "b/0/2", "a/0/1", "b/0/0"], window.Rows.Select(r => r.Id));
    }

    private static FeedRow Row(long offset) => FeedRow.From(TestEnvelopes.Json("t", offset));

    private static FeedRow At(string topic, int partition, long offset, long millis) =>
        FeedRow.From(TestEnvelopes.Json(topic, offset, partition: partition, at: TestEnvelopes.Epoch.AddMilliseconds(millis)));
}
