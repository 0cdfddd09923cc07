using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Lineage;

/// <summary>The lineage graph builder of Core over the real LiteDB index.</summary>
public sealed class LineageGraphOverIndexTests : IDisposable
{
    private const long T = Envelopes.BaseTimestampMs;
    private readonly TempDirectory _dir = new();
    private readonly LiteDbEventIndex _index;

    public LineageGraphOverIndexTests()
    {
        _index = LiteDbEventIndex.Open(_dir.File("graph.db"));
        var failed = Envelopes.Event("payments", 1, 0, T + 40, "PaymentFailed", "order-7", "charge-7", messageId: "failed-7");
        _index.Write(
        [
            Envelopes.Event("orders.commands", 0, 0, T + 10, "PlaceOrder", "order-7", kind: MessageKind.Command, messageId: "place-7"),
            Envelopes.Event("orders", 2, 0, T + 20, "OrderPlaced", "order-7", "place-7", messageId: "placed-7"),
            Envelopes.Event("payments", 0, 0, T + 5, "OrderPlaced", "order-8", messageId: "unrelated"),
        ]);
        _index.Write([Envelopes.Event("payments.commands", 0, 0, T + 30, "ChargePayment", "order-7", "placed-7", kind: MessageKind.Command, messageId: "charge-7"), failed]);
        _index.Write(Envelopes.Range("noise", 0, 0, 599));
        _index.Write([Envelopes.DeadLetter(failed, "payments.DLT", 0, 0, T + 50)]);
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Build_UpFromTheFailure_FollowsCausationAcrossThreeTopics()
    {
        var graph = new LineageGraphBuilder(_index.Lineage).Build(new EventPosition("payments", 1, 0), LineageDirection.Up, maxDepth: 10, maxNodes: 50);

        Assert.Equal(
            ["orders.commands/0/0", "orders/2/0", "payments.commands/0/0", "payments/1/0"],
            graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("orders.commands/0/0", "orders/2/0"), ("orders/2/0", "payments.commands/0/0"), ("payments.commands/0/0", "payments/1/0")],
            graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)).OrderBy(e => e.From, StringComparer.Ordinal));
        Assert.Equal(10, graph.Edges.Single(e => e.To == "orders/2/0").LatencyMs);
    }

    [Fact]
    public void Build_DownFromTheCommand_ReachesTheDeadLetterCopy()
    {
        var graph = new LineageGraphBuilder(_index.Lineage).Build(new EventPosition("orders.commands", 0, 0), LineageDirection.Down, maxDepth: 10, maxNodes: 50);

        Assert.Equal(5, graph.Nodes.Count);
        var deadLetter = Assert.Single(graph.Edges, e => e.Kind == LineageEdgeKind.DeadLetter);
        Assert.Equal(("payments/1/0", "payments.DLT/0/0"), (deadLetter.From, deadLetter.To));
        Assert.DoesNotContain(graph.Nodes, n => n.Id == "payments/0/0");
    }

    [Fact]
    public void BuildForCorrelation_TheOrderConversation_HoldsAllItsMessagesAndLinks()
    {
        var graph = new LineageGraphBuilder(_index.Lineage).BuildForCorrelation("order-7", maxNodes: 50);

        Assert.Equal("orders.commands/0/0", graph.RootId);
        Assert.Equal(5, graph.Nodes.Count);
        Assert.Equal(4, graph.Edges.Count);
        Assert.Equal(3, graph.Edges.Count(e => e.Kind == LineageEdgeKind.Causation));
    }
}
