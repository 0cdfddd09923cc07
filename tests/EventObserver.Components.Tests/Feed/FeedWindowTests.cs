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

    private static FeedRow Row(long offset) => FeedRow.From(TestEnvelopes.Json("t", offset));
}
