using EventObserver.Kafka.Ingestion;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("orders.events", true)]
    [InlineData("__consumer_offsets", false)]
    [InlineData("_schemas", false)]
    [InlineData("a_b", true)]
    public void Default_UnderscoreTopics_AreExcluded(string topic, bool included)
    {
        var filter = new TopicFilter([], []);

        Assert.Equal(included, filter.Includes(topic));
        Assert.Equal("^[^_].*", filter.SubscriptionPattern);
    }

    [Fact]
    public void ExcludePatterns_ReplaceTheDefault()
    {
        var filter = new TopicFilter([], [@"\.dlt$"]);

        Assert.False(filter.Includes("orders.dlt"));
        Assert.True(filter.Includes("_schemas"));
        Assert.Equal("^.*", filter.SubscriptionPattern);
    }

    [Fact]
    public void IncludePatterns_MatchAnywhere_AndExcludesStillWin()
    {
        var filter = new TopicFilter(["^orders", "payments"], ["^_", "dlt"]);

        Assert.True(filter.Includes("orders.events"));
        Assert.True(filter.Includes("eu.payments.events"));
        Assert.False(filter.Includes("orders.dlt"));
        Assert.False(filter.Includes("shipping.events"));
        Assert.Equal("^(.*(^orders)|.*(payments))", filter.SubscriptionPattern);
    }

    [Fact]
    public void InvalidPattern_Throws_NamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new TopicFilter(["ok", "[broken"], []));

        Assert.Contains("EventObserver:Kafka:IncludeTopics[1]", error.Message);
        Assert.Contains("[broken", error.Message);
    }
}
