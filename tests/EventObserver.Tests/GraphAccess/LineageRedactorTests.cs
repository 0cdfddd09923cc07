using System.Text;

using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Masking;
using EventObserver.Features.Lineage;
using EventObserver.TestSupport.Access;

namespace EventObserver.Tests.GraphAccess;

/// <summary>What <see cref="LineageRedactor"/> leaves of a graph for a user who may not read one topic.</summary>
public sealed class LineageRedactorTests
{
    private const string Denied = "secret";

    private static readonly UserAccess Restricted = new("r", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics(Denied), seesRawValues: false);

    [Fact]
    public void Redact_EveryTopicAndRawValues_ReturnsTheSameGraph()
    {
        var graph = Chain();

        Assert.Same(graph, new LineageRedactor(new KeyMasker("a")).Redact(graph, UserAccess.System));
    }

    [Fact]
    public void Redact_DeniedMessage_BecomesAnOpaqueHiddenNodeWithItsEdgesButNoLatency()
    {
        var redacted = new LineageRedactor(NoMasking.Instance).Redact(Chain(), Restricted);

        var hidden = Assert.Single(redacted.Nodes, n => n.Kind == LineageNodeKind.Hidden);
        Assert.Null(hidden.Envelope);
        Assert.Null(hidden.Reference);
        Assert.Equal(1, hidden.Depth);
        Assert.DoesNotContain(Denied, hidden.Id, StringComparison.Ordinal);
        Assert.Equal(
            [("a/0/0", hidden.Id, (long?)null), (hidden.Id, "b/0/0", null), ("b/0/0", "c/0/0", 5L)],
            redacted.Edges.Select(e => (e.From, e.To, e.LatencyMs)));
    }

    [Fact]
    public void Redact_SameMessage_SameIdForOneRedactorOtherIdForAnother()
    {
        var redactor = new LineageRedactor(NoMasking.Instance);

        var first = redactor.Redact(Chain(), Restricted).Nodes.Single(n => n.Kind == LineageNodeKind.Hidden).Id;
        var second = redactor.Redact(Chain(), Restricted).Nodes.Single(n => n.Kind == LineageNodeKind.Hidden).Id;
        var elsewhere = new LineageRedactor(NoMasking.Instance).Redact(Chain(), Restricted).Nodes.Single(n => n.Kind == LineageNodeKind.Hidden).Id;

        Assert.Equal(first, second);
        Assert.NotEqual(first, elsewhere);
    }

    [Fact]
    public void Redact_UnknownCauses_HiddenWhenOnlyAHiddenMessageNamesThemOrTheOriginTopicIsDenied()
    {
        var graph = new LineageGraph
        {
            RootId = "a/0/0",
            Nodes =
            [
                MessageNode("a", "m-a", depth: 0), MessageNode(Denied, "m-s", depth: 1),
                Unknown("ghost-of-secret"), Unknown("ghost-of-a"), Unknown($"{Denied}/0/9"),
            ],
            Edges =
            [
                new("unknown/ghost-of-secret", $"{Denied}/0/0", LineageEdgeKind.Causation, null),
                new("unknown/ghost-of-a", "a/0/0", LineageEdgeKind.Causation, null),
                new($"unknown/{Denied}/0/9", "a/0/0", LineageEdgeKind.DeadLetter, null),
            ],
        };

        var redacted = new LineageRedactor(NoMasking.Instance).Redact(graph, Restricted);

        Assert.Equal(
            [LineageNodeKind.Message, LineageNodeKind.Hidden, LineageNodeKind.Hidden, LineageNodeKind.Unknown, LineageNodeKind.Hidden],
            redacted.Nodes.Select(n => n.Kind));
        Assert.Equal("ghost-of-a", redacted.Nodes[3].Reference);
        Assert.DoesNotContain(redacted.Nodes.SelectMany(n => new[] { n.Id, n.Reference }), text => text?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Redact_MoreMarkerOfAHiddenAnchor_TakesTheAnchorsOpaqueId()
    {
        var graph = Chain() with
        {
            Nodes = [.. Chain().Nodes, new LineageNode { Id = $"more/{Denied}/0/0/down", Kind = LineageNodeKind.More, MoreCount = 4 }],
            Edges = [.. Chain().Edges, new LineageEdge($"{Denied}/0/0", $"more/{Denied}/0/0/down", LineageEdgeKind.Causation, null)],
        };

        var redacted = new LineageRedactor(NoMasking.Instance).Redact(graph, Restricted);

        var hidden = redacted.Nodes.Single(n => n.Kind == LineageNodeKind.Hidden);
        var more = redacted.Nodes.Single(n => n.Kind == LineageNodeKind.More);
        Assert.Equal($"more/{hidden.Id}/down", more.Id);
        Assert.Equal(4, more.MoreCount);
        Assert.Contains(redacted.Edges, e => e.From == hidden.Id && e.To == more.Id);
    }

    [Fact]
    public void Redact_UserWithoutRawValues_MasksOnlyVisibleMessagesOfMaskedTopics()
    {
        var masker = new KeyMasker("b");

        var redacted = new LineageRedactor(masker).Redact(Chain(), Restricted);

        Assert.Equal(["k-m-a", KeyMasker.MaskedKey, "k-m-c"], redacted.Nodes.Where(n => n.Envelope is not null).Select(n => n.Envelope!.Key));
        Assert.Equal(1, masker.Calls);
    }

    /// <summary>a → secret → b → c, 5 ms apart.</summary>
    private static LineageGraph Chain() => new()
    {
        RootId = "a/0/0",
        Nodes = [MessageNode("a", "m-a", 0), MessageNode(Denied, "m-s", 1), MessageNode("b", "m-b", 2), MessageNode("c", "m-c", 3)],
        Edges =
        [
            new("a/0/0", $"{Denied}/0/0", LineageEdgeKind.Causation, 5),
            new($"{Denied}/0/0", "b/0/0", LineageEdgeKind.Causation, 5),
            new("b/0/0", "c/0/0", LineageEdgeKind.Causation, 5),
        ],
    };

    private static LineageNode MessageNode(string topic, string id, int depth) => new()
    {
        Id = $"{topic}/0/0",
        Kind = LineageNodeKind.Message,
        Depth = depth,
        Envelope = new EventEnvelope
        {
            Topic = topic,
            Partition = 0,
            Offset = 0,
            TimestampMs = depth * 5,
            MessageId = id,
            Key = "k-" + id,
            KeyBytes = Encoding.UTF8.GetBytes("k-" + id),
            MessageType = "T" + id,
        },
    };

    private static LineageNode Unknown(string reference) => new() { Id = "unknown/" + reference, Kind = LineageNodeKind.Unknown, Reference = reference, Depth = 1 };
}
