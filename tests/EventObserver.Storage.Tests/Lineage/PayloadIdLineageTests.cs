using System.Text;

using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Lineage;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Lineage;

/// <summary>
/// Records decoded as ingestion decodes them and written to the real index: a message whose id only its body carries is
/// found as the cause of the message that names it, and causes the index does not hold are counted.
/// </summary>
public sealed class PayloadIdLineageTests : IDisposable
{
    private const long T = Envelopes.BaseTimestampMs;
    private readonly TempDirectory _dir = new();
    private readonly LiteDbEventIndex _index;

    public PayloadIdLineageTests()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions());
        _index = LiteDbEventIndex.Open(_dir.File("payload-ids.db"));
        _index.Write(
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
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Build_CauseWhoseIdOnlyItsBodyCarries_IsLinkedToItsEffects()
    {
        var graph = new LineageGraphBuilder(_index.Lineage).Build(new EventPosition("orders", 0, 0), LineageDirection.Down, maxDepth: 5, maxNodes: 50);

        Assert.Equal(
            [("orders/0/0", "payments.commands/0/0"), ("orders/0/0", "shipping.commands/0/0")],
            graph.Edges.Where(e => e.Kind == LineageEdgeKind.Causation).Select(e => (e.From, e.To)).OrderBy(e => e.To, StringComparer.Ordinal));
        Assert.Empty(graph.UnresolvedCauses);
    }

    [Fact]
    public void BuildForCorrelation_CausesNotInTheIndex_AreCountedOnce()
    {
        var graph = new LineageGraphBuilder(_index.Lineage).BuildForCorrelation("c-1", maxNodes: 50);

        Assert.Equal(6, graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message));
        Assert.Equal(["evt-gone", "01ARZ3NDEKTSV4RRFFQ69G5FAW"], graph.UnresolvedCauses);
        Assert.Equal(2, graph.Edges.Count(e => e.Kind == LineageEdgeKind.Causation && e.From == "orders/0/0"));
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
