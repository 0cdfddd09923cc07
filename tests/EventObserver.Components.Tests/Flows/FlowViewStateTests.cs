using EventObserver.Core.Selection;
using EventObserver.Features.Flows;

namespace EventObserver.Components.Tests.Flows;

public sealed class FlowViewStateTests
{
    [Fact]
    public void Href_WindowAndEdge_KeepsBothEscaped()
    {
        var state = new FlowViewState(TimeWindow.OneHour, EdgeId: "a b->c", NodeId: "ignored");

        Assert.Equal("flows?window=1h&edge=a%20b-%3Ec", state.Href);
    }

    [Fact]
    public void Href_NodeOnly_KeepsTheNode()
    {
        Assert.Equal("flows?window=15m&node=orders%2FOrderPlaced", new FlowViewState(TimeWindow.FifteenMinutes, NodeId: "orders/OrderPlaced").Href);
        Assert.Equal("flows?window=24h", new FlowViewState(TimeWindow.OneDay).Href);
    }

    [Fact]
    public void ParseView_ThreeNumbers_GivesOriginAndScale()
    {
        var view = FlowViewState.ParseView("-120.5,40,0.900");

        Assert.Equal([-120.5, 40, 0.9], Assert.IsType<double[]>(view));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1,2")]
    [InlineData("1,2,0")]
    [InlineData("1,2,-1")]
    [InlineData("a,2,1")]
    [InlineData("1,2,NaN")]
    [InlineData("1,2,3,4")]
    public void ParseView_Malformed_IsNull(string? text)
    {
        Assert.Null(FlowViewState.ParseView(text));
    }
}
