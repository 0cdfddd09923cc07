using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Features.Lineage;

namespace EventObserver.Components.Tests.Lineage;

public sealed class LineageViewStateTests
{
    [Theory]
    [InlineData("causes", LineageDirection.Up)]
    [InlineData("Effects", LineageDirection.Down)]
    [InlineData("both", LineageDirection.Both)]
    [InlineData(null, LineageDirection.Both)]
    [InlineData("sideways", LineageDirection.Both)]
    public void ParseDirection_Text_GivesTheDirection(string? text, LineageDirection expected)
    {
        Assert.Equal(expected, LineageViewState.ParseDirection(text));
    }

    [Theory]
    [InlineData(null, LineageQueries.DefaultMaxNodes)]
    [InlineData("1000", 1000)]
    [InlineData("3", LineageQueries.DefaultMaxNodes)]
    [InlineData("999999", LineageQueries.MaxNodesCap)]
    [InlineData("-5", LineageQueries.DefaultMaxNodes)]
    public void ParseLimit_Text_IsKeptBetweenDefaultAndCap(string? text, int expected)
    {
        Assert.Equal(expected, LineageViewState.ParseLimit(text));
    }

    [Fact]
    public void Href_EventWithDirectionAndLimit_RoundTrips()
    {
        var start = LineageStart.ForEvent(new EventPosition("shop.orders", 2, 15));

        var href = LineageViewState.Href(start, LineageDirection.Down, 1000);

        Assert.Equal("lineage?event=shop.orders%2F2%2F15&direction=effects&limit=1000", href);
        Assert.Equal(LineageDirection.Down, LineageViewState.ParseDirection("effects"));
    }

    [Fact]
    public void Href_Defaults_AreLeftOut()
    {
        Assert.Equal("lineage?event=t%2F0%2F1", LineageViewState.Href(LineageStart.ForEvent(new EventPosition("t", 0, 1)), LineageDirection.Both, LineageQueries.DefaultMaxNodes));
        Assert.Equal("lineage?correlation=c%201", LineageViewState.Href(LineageStart.ForCorrelation("c 1"), LineageDirection.Up, LineageQueries.DefaultMaxNodes));
    }
}
