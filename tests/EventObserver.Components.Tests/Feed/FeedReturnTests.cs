using EventObserver.Features.Events;

namespace EventObserver.Components.Tests.Feed;

/// <summary>The feed hands its address to the detail it opens, so "← Live feed" returns to the same filters.</summary>
public sealed class FeedReturnTests
{
    [Fact]
    public void DetailHref_FilteredFeed_CarriesTheFeedsAddress()
    {
        var href = FeedReturn.DetailHref("events/orders/0/7", "http://localhost:5000/?topic=orders&q=a%20b#top");

        Assert.Equal("events/orders/0/7?back=%2F%3Ftopic%3Dorders%26q%3Da%2520b", href);
        var back = Uri.UnescapeDataString(href[(href.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("./?topic=orders&q=a%20b", FeedReturn.BackHref(back));
    }

    [Theory]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://localhost:5000/?")]
    [InlineData("http://localhost:5000/#x")]
    public void DetailHref_UnfilteredFeed_IsThePlainDetailLink(string feedUri)
    {
        Assert.Equal("events/orders/0/7", FeedReturn.DetailHref("events/orders/0/7", feedUri));
    }

    [Theory]
    [InlineData(null, "./")]
    [InlineData("", "./")]
    [InlineData("/", "./")]
    [InlineData("/?kind=Command", "./?kind=Command")]
    [InlineData("/topics", "./")]
    [InlineData("/?a=1\n", "./")]
    public void BackHref_Address_FollowsOnlyTheFeed(string? back, string expected)
    {
        Assert.Equal(expected, FeedReturn.BackHref(back));
    }
}
