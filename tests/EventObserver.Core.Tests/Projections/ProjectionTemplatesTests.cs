using System.Text.Json.Nodes;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

public sealed class ProjectionTemplatesTests
{
    [Fact]
    public void All_EveryTemplate_CompilesAndRunsOnDemoTraffic()
    {
        var events = DemoOrderEvents.Orders(6);

        foreach (var template in ProjectionTemplates.All)
        {
            var runner = TestEvents.Run(template.Script, events);

            Assert.Empty(runner.Errors);
            Assert.NotNull(runner.GetState());
        }
    }

    [Fact]
    public void Find_KnownName_ReturnsTemplate()
    {
        Assert.Same(ProjectionTemplates.OrderLifecycle, ProjectionTemplates.Find("ORDER-LIFECYCLE"));
        Assert.Null(ProjectionTemplates.Find("nope"));
    }

    [Fact]
    public void CountByType_CountsEachTypeAndKind()
    {
        var state = TestEvents.Run(ProjectionTemplates.CountByType.Script, DemoOrderEvents.Orders(3)).GetState()!;

        Assert.Equal(20, state["total"]!.GetValue<int>());
        Assert.Equal(3, state["byType"]!["PlaceOrder"]!.GetValue<int>());
        Assert.Equal(2, state["byType"]!["OrderCancelled"]!.GetValue<int>());
        Assert.Equal(6, state["byKind"]!["Command"]!.GetValue<int>());
    }

    [Fact]
    public void LatestPerKey_KeepsTheLastMessageOfEachKey()
    {
        var state = TestEvents.Run(ProjectionTemplates.LatestPerKey.Script, DemoOrderEvents.Orders(2)).GetState()!;

        Assert.Equal("OrderCompleted", state["ord-0000"]!["type"]!.GetValue<string>());
        Assert.Equal("CustomerNotified", state["ord-0001"]!["type"]!.GetValue<string>());
        Assert.Equal("order-cancelled", state["ord-0001"]!["data"]!["template"]!.GetValue<string>());
    }

    [Fact]
    public void SumByField_SumsTotalsByCurrency()
    {
        var events = new[]
        {
            TestEvents.Json("OrderPlaced", """{"total":10.1,"currency":"EUR"}""", offset: 0),
            TestEvents.Json("OrderPlaced", """{"total":5.2,"currency":"USD"}""", offset: 1),
            TestEvents.Json("OrderPlaced", """{"total":0.2,"currency":"EUR"}""", offset: 2),
            TestEvents.Json("OrderPlaced", """{"total":"n/a","currency":"EUR"}""", offset: 3),
            TestEvents.Json("OrderPlaced", """{"total":1,"currency":"__proto__"}""", offset: 4),
            TestEvents.Text("Log", "not json", offset: 5),
        };

        var state = TestEvents.Run(ProjectionTemplates.SumByField.Script, events).GetState()!;

        Assert.Equal(10.3, state["groups"]!["EUR"]!["sum"]!.GetValue<double>());
        Assert.Equal(2, state["groups"]!["EUR"]!["count"]!.GetValue<int>());
        Assert.Equal(5.2, state["groups"]!["USD"]!["sum"]!.GetValue<double>());
        Assert.Equal(1, state["groups"]!["__proto__"]!["sum"]!.GetValue<double>());
        Assert.Equal(4, state["count"]!.GetValue<int>());
    }

    [Fact]
    public void OrderLifecycle_FollowsEachOrderToItsEnd()
    {
        var state = TestEvents.Run(ProjectionTemplates.OrderLifecycle.Script, DemoOrderEvents.Orders(3)).GetState()!;

        var completed = state["ord-0000"]!;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        Assert.Equal(10, completed["total"]!.GetValue<int>());
        Assert.Equal("EUR", completed["currency"]!.GetValue<string>());
        Assert.Equal("DHL", completed["carrier"]!.GetValue<string>());
        Assert.Equal("pay-0", completed["paymentId"]!.GetValue<string>());
        Assert.Equal(["order-shipped"], completed["notifications"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["requested", "placed", "stock_reserved", "paid", "shipped", "completed"],
            completed["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.NotNull(completed["closedAt"]!.GetValue<string>());

        Assert.Equal("cancelled", state["ord-0001"]!["status"]!.GetValue<string>());
        Assert.Equal("out_of_stock", state["ord-0001"]!["cancelReason"]!.GetValue<string>());
        Assert.Equal("payment_failed", state["ord-0002"]!["cancelReason"]!.GetValue<string>());
        Assert.Equal(3, state.AsObject().Count);
    }

    [Fact]
    public void OrderLifecycle_OrderThatKeepsChanging_KeepsItsLastTwentyTransitions()
    {
        var events = new List<EventEnvelope> { TestEvents.Json("PlaceOrder", """{"orderId":"ord-1","currency":"EUR"}""", key: "ord-1", offset: 0) };
        for (var i = 1; i <= 30; i++)
        {
            events.Add(TestEvents.Json(i % 2 == 0 ? "PaymentCharged" : "PaymentFailed", """{"orderId":"ord-1","paymentId":"p"}""", key: "ord-1", offset: i));
        }

        var order = TestEvents.Run(ProjectionTemplates.OrderLifecycle.Script, events).GetState()!["ord-1"]!;
        var history = order["history"]!.AsArray();

        Assert.Equal(20, history.Count);
        Assert.Equal("paid", order["status"]!.GetValue<string>());
        Assert.Equal("payment_failed", history[0]!["status"]!.GetValue<string>());
        Assert.Equal(order["updatedAt"]!.GetValue<string>(), history[19]!["at"]!.GetValue<string>());
        Assert.NotNull(order["requestedAt"]!.GetValue<string>());
    }

    [Fact]
    public void Run_SameSelectionTwice_GivesTheSameState()
    {
        var script = ProjectionTemplates.OrderLifecycle.Script.Replace(
            "move(s, e, 'placed');", "move(s, e, 'placed'); s.lucky = Math.random(); s.seenAt = Date.now();", StringComparison.Ordinal);
        var events = DemoOrderEvents.Orders(20);

        var first = TestEvents.Run(script, events).GetState();
        var second = TestEvents.Run(script, events).GetState();

        Assert.True(JsonNode.DeepEquals(first, second));
        Assert.Empty(JsonDiff.Compare(first, second));
        Assert.NotNull(first!["ord-0000"]!["lucky"]);
    }
}
