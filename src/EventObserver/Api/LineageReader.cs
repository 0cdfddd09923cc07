using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Api;

/// <summary>
/// Lineage questions over the current index, shared by the REST API and the graph page. Every answer is
/// null (or empty) while no index is open. LiteDB is synchronous, so is this.
/// </summary>
public sealed class LineageReader(ICurrentIndex indexes)
{
    public const int DefaultDepth = 50;
    public const int DefaultMaxNodes = 500;
    public const int MaxNodesCap = 5000;
    public const int MaxDepthCap = 100_000;

    public EventEnvelope? Get(EventPosition position) =>
        indexes.TryGet(out var index) ? index.Get(position.Topic, position.Partition, position.Offset) : null;

    /// <summary>The causes and/or effects of one message; an empty graph when it is not indexed.</summary>
    public LineageGraph ForEvent(EventPosition position, LineageDirection direction, int depth = DefaultDepth, int maxNodes = DefaultMaxNodes) =>
        indexes.TryGet(out var index)
            ? new LineageGraphBuilder(index.Lineage).Build(position, direction, Math.Clamp(depth, 0, MaxDepthCap), Math.Clamp(maxNodes, 1, MaxNodesCap))
            : LineageGraph.Empty(position.ToString());

    /// <summary>The whole conversation; an empty graph when no message carries the id.</summary>
    public LineageGraph ForCorrelation(string correlationId, int maxNodes = DefaultMaxNodes) =>
        indexes.TryGet(out var index)
            ? new LineageGraphBuilder(index.Lineage).BuildForCorrelation(correlationId, Math.Clamp(maxNodes, 1, MaxNodesCap))
            : LineageGraph.Empty(null);

    public LineageGraph For(LineageStart start, LineageDirection direction, int depth = DefaultDepth, int maxNodes = DefaultMaxNodes) =>
        start.Event is { } position
            ? ForEvent(position, direction, depth, maxNodes)
            : ForCorrelation(start.CorrelationId ?? "", maxNodes);

    /// <summary>
    /// What a user typed into the search box: a position (<c>topic/partition/offset</c>), a message id or a
    /// correlation id, tried in that order. Null when none of them is indexed.
    /// </summary>
    public LineageStart? Resolve(string? term)
    {
        var text = term?.Trim();
        if (string.IsNullOrEmpty(text) || !indexes.TryGet(out var index))
        {
            return null;
        }

        if (EventPosition.TryParse(text, out var position) && index.Get(position.Topic, position.Partition, position.Offset) is not null)
        {
            return LineageStart.ForEvent(position);
        }

        if (index.Lineage.FindByMessageId(text, 1) is [var message, ..])
        {
            return LineageStart.ForEvent(new EventPosition(message.Topic, message.Partition, message.Offset));
        }

        return index.Lineage.CountByCorrelationId(text) > 0 ? LineageStart.ForCorrelation(text) : null;
    }

    /// <summary>The newest messages of each given type (newest first within a type, types in the order given), for the page's suggestions.</summary>
    public IReadOnlyList<EventEnvelope> Recent(IEnumerable<string> types, int perType)
    {
        if (!indexes.TryGet(out var index))
        {
            return [];
        }

        return [.. types.SelectMany(type => index.Query(new EventSelection { Type = type, Limit = perType }))];
    }
}
