using EventObserver.Configuration;
using EventObserver.Core.Feed;
using EventObserver.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Hubs;

public sealed class FeedConfigurationTests
{
    [Theory]
    [InlineData("EventObserver:Feed:Capacity", "0")]
    [InlineData("EventObserver:Feed:MaxBytes", "-1")]
    [InlineData("EventObserver:Feed:Hub:BatchSize", "0")]
    [InlineData("EventObserver:Feed:Hub:SubscriptionCapacity", "0")]
    [InlineData("EventObserver:Feed:Hub:SendTimeout", "00:00:00")]
    public void Start_BadFeedSetting_FailsWithMessageNamingTheSetting(string key, string value)
    {
        using var factory = new SeededAppFactory().WithWebHostBuilder(b => b.UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(StartupFailure.IsConfigurationError(error), error.ToString());
        Assert.Contains(key, StartupFailure.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_FeedSettings_BoundToTheLiveFeed()
    {
        using var factory = new SeededAppFactory().WithWebHostBuilder(b => b.UseSetting("EventObserver:Feed:Capacity", "3"));
        var feed = (LiveFeed)factory.Services.GetRequiredService<ILiveFeed>();

        feed.Publish(FeedHubFixture.Events("bound", 0, 5));

        Assert.Equal(3, feed.RecentCount);
    }
}
