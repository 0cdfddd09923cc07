using System.Text;

using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Lineage;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Core's <see cref="LineageGraphBuilder"/> over the real index: walks across topics, dead letters, ids from bodies, cycles.</summary>
public abstract class LineageGraphContract(IndexEngine engine) : IndexContract(engine)
{
    private const long T = Envelopes.BaseTimestampMs;

    [ContractFact]
    public void Build_UpFromTheFailure_FollowsCausationAcrossThreeTopics()
    {
        var lineage = SeedOrderConversation();

        var graph = new LineageGraphBuilder(lineage).Build(new EventPosition("payments", 1, 0), LineageDirection.Up, maxDepth: 10, maxNodes: 50);

        Assert.Equal(
            ["orders.commands/0/0", "orders/2/0", "payments.commands/0/0", "payments/1/0"],
            graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("orders.commands/0/0", "orders/2/0"), ("orders/2/0", "payments.commands/0/0"), ("payments.commands/0/0", "payments/1/0")],
            graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)).OrderBy(e => e.From, StringComparer.Ordinal));
        Assert.Equal(10, graph.Edges.Single(e => e.To == "orders/2/0").LatencyMs);
    }

    [ContractFact]
    public void Build_DownFromTheCommand_ReachesTheDeadLetterCopy()
    {
        var lineage = SeedOrderConversation();

        var graph = new LineageGraphBuilder(lineage).Build(new EventPosition("orders.commands", 0, 0), LineageDirection.Down, maxDepth: 10, maxNodes: 50);

        Assert.Equal(5, graph.Nodes.Count);
        var deadLetter = Assert.Single(graph.Edges, e => e.Kind == LineageEdgeKind.DeadLetter);
        Assert.Equal(("payments/1/0", "payments.DLT/0/0"), (deadLetter.From, deadLetter.To));
        Assert.DoesNotContain(graph.Nodes, n => n.Id == "payments/0/0");
    }

    [ContractFact]
    public void BuildForCorrelation_TheOrderConversation_HoldsAllItsMessagesAndLinks()
    {
        var lineage = SeedOrderConversation();

        var graph = new LineageGraphBuilder(lineage).BuildForCorrelation("order-7", maxNodes: 50);

        Assert.Equal("orders.commands/0/0", graph.RootId);
        Assert.Equal(5, graph.Nodes.Count);
        Assert.Equal(4, graph.Edges.Count);
        Assert.Equal(3, graph.Edges.Count(e => e.Kind == LineageEdgeKind.Causation));
    }

    [ContractFact]
    public void Build_CauseWhoseIdOnlyItsBodyCarries_IsLinkedToItsEffects()
    {
        var lineage = SeedPayloadIds();

        var graph = new LineageGraphBuilder(lineage).Build(new EventPosition("orders", 0, 0), LineageDirection.Down, maxDepth: 5, maxNodes: 50);

        Assert.Equal(
            [("orders/0/0", "payments.commands/0/0"), ("orders/0/0", "shipping.commands/0/0")],
            graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)).OrderBy(e => e.To, StringComparer.Ordinal));
        Assert.Empty(graph.UnresolvedCauses);
    }

    [ContractFact]
    public void BuildForCorrelation_CausesNotInTheIndex_AreCountedOnce()
    {
        var lineage = SeedPayloadIds();

        var graph = new LineageGraphBuilder(lineage).BuildForCorrelation("c-1", maxNodes: 50);

        Assert.Equal(6, graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message));
        Assert.Equal(["evt-gone", "01ARZ3NDEKTSV4RRFFQ69G5FAW"], graph.UnresolvedCauses);
        Assert.Equal(2, graph.Edges.Count(e => e.Kind == LineageEdgeKind.Causation && e.From == "orders/0/0"));
    }

    [ContractFact]
    public void Build_CausationCycleOverThreeTopics_EndsWithEachMessageOnceAndEveryLink()
    {
        var index = Engine.Open();
        index.Write(
        [
            Envelopes.Event("ping", 0, 0, T + 10, "Ping", "loop", causationId: "cyc-c", messageId: "cyc-a"),
            Envelopes.Event("pong", 0, 0, T + 20, "Pong", "loop", causationId: "cyc-a", messageId: "cyc-b"),
            Envelopes.Event("peng", 0, 0, T + 30, "Peng", "loop", causationId: "cyc-b", messageId: "cyc-c"),
        ]);

        var both = new LineageGraphBuilder(index.Lineage).Build(new EventPosition("pong", 0, 0), LineageDirection.Both, maxDepth: 50, maxNodes: 50);
        var correlation = new LineageGraphBuilder(index.Lineage).BuildForCorrelation("loop", maxNodes: 50);

        foreach (var graph in new[] { both, correlation })
        {
            Assert.Equal(["peng/0/0", "ping/0/0", "pong/0/0"], graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
            Assert.Equal(
                [("peng/0/0", "ping/0/0"), ("ping/0/0", "pong/0/0"), ("pong/0/0", "peng/0/0")],
                graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)).Distinct().OrderBy(e => e.From, StringComparer.Ordinal));
            Assert.False(graph.Truncated);
            Assert.Empty(graph.UnresolvedCauses);
        }
    }

    [ContractFact]
    public void Build_MessageNamingItselfAsCause_IsOneSelfCausedNodeWithoutALoop()
    {
        var index = Engine.Open();
        index.Write(
        [
            Envelopes.Event("orders", 0, 0, T, "OrderPlaced", "self-conv", causationId: "self", messageId: "self"),
            Envelopes.Event("payments", 0, 0, T + 5, "PaymentCharged", "self-conv", causationId: "self", messageId: "effect"),
        ]);

        var graph = new LineageGraphBuilder(index.Lineage).Build(new EventPosition("orders", 0, 0), LineageDirection.Both, maxDepth: 10, maxNodes: 50);

        Assert.Equal(["orders/0/0", "payments/0/0"], graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.True(graph.Nodes.Single(n => n.Id == "orders/0/0").SelfCaused);
        Assert.Equal([("orders/0/0", "payments/0/0")], graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)));
        Assert.Empty(graph.UnresolvedCauses);
    }

    // A failed order over three topics, a dead-letter copy of the failure, an unrelated order and 600 events of noise.
    private ILineageSource SeedOrderConversation()
    {
        var index = Engine.Open();
        var failed = Envelopes.Event("payments", 1, 0, T + 40, "PaymentFailed", "order-7", "charge-7", messageId: "failed-7");
        index.Write(
        [
            Envelopes.Event("orders.commands", 0, 0, T + 10, "PlaceOrder", "order-7", kind: MessageKind.Command, messageId: "place-7"),
            Envelopes.Event("orders", 2, 0, T + 20, "OrderPlaced", "order-7", "place-7", messageId: "placed-7"),
            Envelopes.Event("payments", 0, 0, T + 5, "OrderPlaced", "order-8", messageId: "unrelated"),
        ]);
        index.Write([Envelopes.Event("payments.commands", 0, 0, T + 30, "ChargePayment", "order-7", "placed-7", kind: MessageKind.Command, messageId: "charge-7"), failed]);
        index.Write(Envelopes.Range("noise", 0, 0, 599));
        index.Write([Envelopes.DeadLetter(failed, "payments.DLT", 0, 0, T + 50)]);
        return index.Lineage;
    }

    // Records decoded as ingestion decodes them: ids, causes and correlations found only in the bodies.
    private ILineageSource SeedPayloadIds()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions());
        var index = Engine.Open();
        index.Write(
        [
            // Its id is only in the body; a header-less bridge wrote it.
            decoder.Decode(Record("orders", 0, T + 10, """{"orderId":"o-1","metadata":{"eventId":"evt-placed","$correlationId":"c-1"}}""")),
            // Names it as its cause in a header.
            decoder.Decode(Record("payments.commands", 0, T + 20, """{"orderId":"o-1"}""", ("causation-id", "evt-placed"), ("correlation-id", "c-1"))),
            // Names it in its body, and has a ULID of its own as plain id.
            decoder.Decode(Record("shipping.commands", 0, T + 30, """{"id":"01ARZ3NDEKTSV4RRFFQ69G5FAV","$causationId":"evt-placed","$correlationId":"c-1"}""")),
            // Two causes that were never indexed (retention, a topic not consumed), one named twice.
            decoder.Decode(Record("payments", 0, T + 40, """{"orderId":"o-1","$causationId":"evt-gone","$correlationId":"c-1"}""")),
            decoder.Decode(Record("payments", 1, T + 50, """{"orderId":"o-1","$causationId":"evt-gone","$correlationId":"c-1"}""")),
            decoder.Decode(Record("shipping", 0, T + 60, """{"orderId":"o-1","$causationId":"01ARZ3NDEKTSV4RRFFQ69G5FAW","$correlationId":"c-1"}""")),
        ]);
        return index.Lineage;
    }

    private static RawRecord Record(string topic, long offset, long timestampMs, string json, params (string Key, string Value)[] headers) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = timestampMs,
        TimestampKind = TimestampKind.CreateTime,
        Key = Encoding.UTF8.GetBytes("o-1"),
        Value = Encoding.UTF8.GetBytes(json),
        Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, Encoding.UTF8.GetBytes(h.Value)))],
    };
}
