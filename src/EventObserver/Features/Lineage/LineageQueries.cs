using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Lineage;

/// <summary>
/// Lineage questions over the current index, shared by the REST API and the graph page. Every read goes through
/// <see cref="IndexReads"/> (off the caller's thread). Before any index is open the answers are those of an empty index
/// (an empty graph, nothing resolved, no suggestions); only a read that failed is reported as such.
/// </summary>
public sealed class LineageQueries(IndexReads reads)
{
    public const int DefaultDepth = 50;
    public const int DefaultMaxNodes = 500;
    public const int MaxNodesCap = 5000;
    public const int MaxDepthCap = 100_000;

    /// <summary>The causes and/or effects of one message; an empty graph when it is not indexed.</summary>
    public Task<IndexRead<LineageGraph>> ForEventAsync(
        EventPosition position, LineageDirection direction, int depth, int maxNodes, CancellationToken cancellationToken) =>
        ReadAsync(
            index => new LineageGraphBuilder(index.Lineage).Build(
                position, direction, Math.Clamp(depth, 0, MaxDepthCap), Math.Clamp(maxNodes, 1, MaxNodesCap)),
            LineageGraph.Empty(position.ToString()),
            cancellationToken);

    /// <summary>The whole conversation; an empty graph when no message carries the id.</summary>
    public Task<IndexRead<LineageGraph>> ForCorrelationAsync(string correlationId, int maxNodes, CancellationToken cancellationToken) =>
        ReadAsync(
            index => new LineageGraphBuilder(index.Lineage).BuildForCorrelation(correlationId, Math.Clamp(maxNodes, 1, MaxNodesCap)),
            LineageGraph.Empty(null),
            cancellationToken);

    public Task<IndexRead<LineageGraph>> ForAsync(
        LineageStart start, LineageDirection direction, int depth, int maxNodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return start.Event is { } position
            ? ForEventAsync(position, direction, depth, maxNodes, cancellationToken)
            : ForCorrelationAsync(start.CorrelationId ?? "", maxNodes, cancellationToken);
    }

    /// <summary>
    /// What a user typed into the search box: a position (<c>topic/partition/offset</c>), a message id or a
    /// correlation id, tried in that order. Null when none of them is indexed.
    /// </summary>
    public Task<IndexRead<LineageStart?>> ResolveAsync(string? term, CancellationToken cancellationToken)
    {
        var text = term?.Trim();
        return string.IsNullOrEmpty(text)
            ? Task.FromResult(IndexRead<LineageStart?>.Of(null))
            : ReadAsync(index => Resolve(index, text), null, cancellationToken);
    }

    /// <summary>The newest messages of each given type (newest first within a type, types in the order given), for the page's suggestions.</summary>
    public Task<IndexRead<IReadOnlyList<EventEnvelope>>> RecentAsync(IReadOnlyList<string> types, int perType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        return ReadAsync<IReadOnlyList<EventEnvelope>>(
            index => [.. types.SelectMany(type => index.Query(new EventSelection { Type = type, Limit = perType }))],
            [],
            cancellationToken);
    }

    private static LineageStart? Resolve(IEventIndex index, string text)
    {
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

    private async Task<IndexRead<T>> ReadAsync<T>(Func<IEventIndex, T> read, T withoutIndex, CancellationToken cancellationToken)
    {
        var result = await reads.RunAsync(read, cancellationToken).ConfigureAwait(false);
        return result.Status == IndexReadStatus.NoIndex ? IndexRead<T>.Of(withoutIndex) : result;
    }
}
