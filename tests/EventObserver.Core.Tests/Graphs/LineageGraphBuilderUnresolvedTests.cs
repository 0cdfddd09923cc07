using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Tests.Graphs;

/// <summary>Causation ids that resolve to no indexed message: what the graph says about them.</summary>
public sealed class LineageGraphBuilderUnresolvedTests
{
    /// <summary>One conversation: b is caused by a; c and e by "ghost-1", d by "ghost-2", none of them indexed.</summary>
    private static Messages Conversation()
    {
        var messages = new Messages();
        messages.Add("a", correlation: "k");
        messages.Add("b", causedBy: "a", correlation: "k");
        messages.Add("c", causedBy: "ghost-1", correlation: "k");
        messages.Add("d", causedBy: "ghost-2", correlation: "k");
        messages.Add("e", causedBy: "ghost-1", correlation: "k");
        return messages;
    }

    [Fact]
    public void BuildForCorrelation_CausesNotIndexed_ListsEachOnceInDiscoveryOrder()
    {
        var graph = new LineageGraphBuilder(Conversation().Source()).BuildForCorrelation("k", 100);

        Assert.Equal(["ghost-1", "ghost-2"], graph.UnresolvedCauses);
        Assert.Equal(2, graph.Nodes.Count(n => n.Kind == LineageNodeKind.Unknown));
    }

    [Fact]
    public void BuildForCorrelation_UnknownNodesBeyondTheLimit_AreStillCounted()
    {
        var graph = new LineageGraphBuilder(Conversation().Source()).BuildForCorrelation("k", 5);

        Assert.DoesNotContain(graph.Nodes, n => n.Kind == LineageNodeKind.Unknown);
        Assert.Equal(["ghost-1", "ghost-2"], graph.UnresolvedCauses);
    }

    [Fact]
    public void Build_UpFromAMessageWithAMissingCause_ListsThatCause()
    {
        var messages = Conversation();

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(messages.All[3]), LineageDirection.Up, 10, 100);

        Assert.Equal(["ghost-2"], graph.UnresolvedCauses);
    }

    [Fact]
    public void Build_EveryCauseIndexed_ListsNone()
    {
        var messages = Conversation();

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(messages.All[1]), LineageDirection.Both, 10, 100);

        Assert.Equal(2, graph.Nodes.Count);
        Assert.Empty(graph.UnresolvedCauses);
    }

    [Fact]
    public void Build_MissingDeadLetterOriginAndSelfCause_AreNotUnresolvedCauses()
    {
        var messages = new Messages();
        var copy = messages.Add("copy", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", 0, 99, null));
        var root = messages.Add("root", causedBy: "root");
        var source = messages.Source();
        var builder = new LineageGraphBuilder(source);

        var deadLetter = builder.Build(Messages.At(copy), LineageDirection.Up, 10, 100);
        var selfCaused = builder.Build(Messages.At(root), LineageDirection.Up, 10, 100);

        Assert.Contains(deadLetter.Nodes, n => n.Kind == LineageNodeKind.Unknown);
        Assert.Empty(deadLetter.UnresolvedCauses);
        Assert.Empty(selfCaused.UnresolvedCauses);
    }
}
