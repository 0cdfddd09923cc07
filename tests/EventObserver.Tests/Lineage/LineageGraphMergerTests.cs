using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Features.Lineage;

namespace EventObserver.Tests.Lineage;

public sealed class LineageGraphMergerTests
{
    [Fact]
    public void Merge_CausesNotFound_UnionOfBothLessThoseTheExpansionFound()
    {
        var current = new LineageGraph
        {
            RootId = "a/0/0",
            Nodes = [Message("a", "m-a", causedBy: "gone-1"), Message("b", "m-b", causedBy: "late")],
            UnresolvedCauses = ["gone-1", "late"],
        };
        // Read later: the message "late" has been indexed meanwhile, and another cause is missing.
        var expansion = new LineageGraph
        {
            RootId = "b/0/0",
            Nodes = [Message("b", "m-b", causedBy: "late"), Message("late", "late"), Message("c", "m-c", causedBy: "gone-2")],
            UnresolvedCauses = ["gone-2", "gone-1"],
        };

        var merged = LineageGraphMerger.Merge(current, expansion, "b/0/0");

        Assert.Equal(["gone-1", "gone-2"], merged.UnresolvedCauses);
    }

    private static LineageNode Message(string topic, string messageId, string? causedBy = null) => new()
    {
        Id = $"{topic}/0/0",
        Kind = LineageNodeKind.Message,
        Envelope = new EventEnvelope { Topic = topic, Partition = 0, Offset = 0, TimestampMs = 1, MessageId = messageId, CausationId = causedBy },
    };
}
