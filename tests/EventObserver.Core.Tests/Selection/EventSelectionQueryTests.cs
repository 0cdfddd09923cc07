using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

public sealed class EventSelectionQueryTests
{
    [Fact]
    public void Parse_EveryPart_ReadsIt()
    {
        var filter = EventSelectionQuery.Parse("?topic=orders&topic=payments&kind=command&type=PlaceOrder&key=k%201&correlationId=c-1&source=api&header=x-tenant:acme%3Aeu&q=blue+widget");

        Assert.Equal(["orders", "payments"], filter.Topics);
        Assert.Equal(MessageKind.Command, filter.Kind);
        Assert.Equal("PlaceOrder", filter.Type);
        Assert.Equal("k 1", filter.Key);
        Assert.Equal("c-1", filter.CorrelationId);
        Assert.Equal("api", filter.Source);
        Assert.Equal("x-tenant", filter.HeaderName);
        Assert.Equal("acme:eu", filter.HeaderValue);
        Assert.Equal("blue widget", filter.Text);
    }

    [Fact]
    public void Parse_TextLongerThanTheLimit_IsLeftOutAndReported()
    {
        var filter = EventSelectionQuery.Parse($"?type=T&q={new string('a', EventSelection.MaxTextLength + 1)}", out var problems);

        Assert.Equal(new EventSelection { Type = "T" }, filter);
        Assert.Contains($"at most {EventSelection.MaxTextLength}", Assert.Single(Assert.Single(problems).Value), StringComparison.Ordinal);
        Assert.Equal(new string('a', EventSelection.MaxTextLength), EventSelectionQuery.Parse($"q={new string('a', EventSelection.MaxTextLength)}").Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("unknown=1&topic=&q=")]
    public void Parse_NothingUsable_GivesEmptyFilter(string? query)
    {
        Assert.True(EventSelectionQuery.Parse(query).IsEmpty);
    }

    [Fact]
    public void Parse_CommaSeparatedTopics_SplitsAndDeduplicates()
    {
        Assert.Equal(["a", "b"], EventSelectionQuery.Parse("topic=a,b&topic=a").Topics);
    }

    [Theory]
    [InlineData("kind=Query")]
    [InlineData("kind=1")]
    [InlineData("header=:value")]
    public void Parse_BadValue_IsLeftOutAndReported(string query)
    {
        var filter = EventSelectionQuery.Parse(query, out var problems);

        Assert.True(filter.IsEmpty);
        Assert.Single(problems);
    }

    [Fact]
    public void Parse_BrokenEscape_KeepsTheRawText()
    {
        Assert.Equal("100%", EventSelectionQuery.Parse("q=100%").Text);
    }

    [Fact]
    public void Parse_HeaderWithoutValue_AsksForPresence()
    {
        var filter = EventSelectionQuery.Parse("header=traceparent");

        Assert.Equal("traceparent", filter.HeaderName);
        Assert.Null(filter.HeaderValue);
    }

    [Fact]
    public void ToQuery_ThenParse_GivesTheSameFilter()
    {
        var filter = new EventSelection
        {
            Topics = ["orders", "a&b"],
            Kind = MessageKind.Event,
            Type = "OrderPlaced",
            Key = "key with spaces/ünïcode",
            CorrelationId = "c=1",
            Source = "src",
            HeaderName = "x-tenant",
            HeaderValue = "a:b",
            Text = "50% off?",
        };

        var query = EventSelectionQuery.ToQuery(filter);

        Assert.Equal(filter, EventSelectionQuery.Parse(query));
        Assert.StartsWith("topic=orders&topic=a%26b&kind=Event&", query);
    }

    [Fact]
    public void ToQuery_EmptyFilter_IsEmpty()
    {
        Assert.Equal(string.Empty, EventSelectionQuery.ToQuery(EventSelection.All));
    }
}
