using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Lineage;

/// <summary>
/// Lineage questions over the current index, shared by the REST API and the graph page. Every read goes through
/// <see cref="IndexReads"/> (off the caller's thread). Before any index is open the answers are those of an empty index
/// (an empty graph, nothing resolved, no suggestions); only a read that failed is reported as such.
/// </summary>
/// <remarks>
/// Every answer is for one user (<see cref="UserAccess"/>): walks run on the whole index and <see cref="LineageRedactor"/>
/// hides what the user may not read; a start on such a topic (a position, a message id, a conversation held only there)
/// is answered like one the index does not hold, so its existence does not leak.
/// </remarks>
public sealed class LineageQueries(IndexReads reads, IEventMasker masker)
{
    public const int DefaultDepth = 50;
    public const int DefaultMaxNodes = 500;
    public const int MaxNodesCap = 5000;
    public const int MaxDepthCap = 100_000;

    private readonly LineageRedactor _redactor = new(masker);

    /// <summary>The causes and/or effects of one message; an empty graph when it is not indexed or the user may not read its topic.</summary>
    public Task<IndexRead<LineageGraph>> ForEventAsync(
        EventPosition position, LineageDirection direction, int depth, int maxNodes, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var empty = LineageGraph.Empty(position.ToString());
        return ReadAsync(
            index => access.CanRead(position.Topic)
                ? _redactor.Redact(
                    new LineageGraphBuilder(index.Lineage).Build(position, direction, Math.Clamp(depth, 0, MaxDepthCap), Math.Clamp(maxNodes, 1, MaxNodesCap)),
                    access,
                    Occurrences(index))
                : empty,
            empty,
            cancellationToken);
    }

    /// <summary>The whole conversation; an empty graph when no message the user may read carries the id.</summary>
    public Task<IndexRead<LineageGraph>> ForCorrelationAsync(string correlationId, int maxNodes, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        return ReadAsync(index => Correlation(index, correlationId, Math.Clamp(maxNodes, 1, MaxNodesCap), access), LineageGraph.Empty(null), cancellationToken);
    }

    public Task<IndexRead<LineageGraph>> ForAsync(
        LineageStart start, LineageDirection direction, int depth, int maxNodes, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return start.Event is { } position
            ? ForEventAsync(position, direction, depth, maxNodes, access, cancellationToken)
            : ForCorrelationAsync(start.CorrelationId ?? "", maxNodes, access, cancellationToken);
    }

    /// <summary>
    /// What a user typed into the search box: a position (<c>topic/partition/offset</c>), a message id or a
    /// correlation id, tried in that order. Null when none of them is indexed on a topic the user may read.
    /// </summary>
    public Task<IndexRead<LineageStart?>> ResolveAsync(string? term, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var text = term?.Trim();
        return string.IsNullOrEmpty(text)
            ? Task.FromResult(IndexRead<LineageStart?>.Of(null))
            : ReadAsync(index => Resolve(index, text, access), null, cancellationToken);
    }

    /// <summary>
    /// The newest messages of each given type on topics the user may read (newest first within a type, types in the order
    /// given), masked for the user, for the page's suggestions.
    /// </summary>
    public Task<IndexRead<IReadOnlyList<EventEnvelope>>> RecentAsync(
        IReadOnlyList<string> types, int perType, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(access);
        return ReadAsync(index => Recent(index, types, perType, access), [], cancellationToken);
    }

    private static LineageStart? Resolve(IEventIndex index, string text, UserAccess access)
    {
        if (EventPosition.TryParse(text, out var position)
            && access.CanRead(position.Topic)
            && index.Get(position.Topic, position.Partition, position.Offset) is not null)
        {
            return LineageStart.ForEvent(position);
        }

        var occurrences = index.Lineage.FindByMessageId(text, access.Topics.IsUnrestricted ? 1 : LineageGraphBuilder.DefaultDuplicateLimit);
        if (occurrences.FirstOrDefault(m => access.CanRead(m.Topic)) is { } message)
        {
            return LineageStart.ForEvent(new EventPosition(message.Topic, message.Partition, message.Offset));
        }

        return HasReadableMember(index, text, access) ? LineageStart.ForCorrelation(text) : null;
    }

    /// <summary>Whether a message of the conversation is on a topic the user may read (among the first the builder would scan).</summary>
    private static bool HasReadableMember(IEventIndex index, string correlationId, UserAccess access) =>
        access.Topics.IsUnrestricted
            ? index.Lineage.CountByCorrelationId(correlationId) > 0
            : index.Lineage.FindByCorrelationId(correlationId, LineageGraphBuilder.DefaultCorrelationScanLimit).Any(e => access.CanRead(e.Topic));

    private LineageGraph Correlation(IEventIndex index, string correlationId, int maxNodes, UserAccess access)
    {
        var graph = _redactor.Redact(new LineageGraphBuilder(index.Lineage).BuildForCorrelation(correlationId, maxNodes), access, Occurrences(index));
        // Hidden stickies alone would confirm that a conversation the user may not read exists: answer "not found" then,
        // unless the node limit cut off members the user may read.
        return !graph.Found || LineageRedactor.ShowsAMessage(graph) || (graph.Truncated && HasReadableMember(index, correlationId, access))
            ? graph
            : LineageGraph.Empty(null);
    }

    private static Func<string, IReadOnlyList<EventEnvelope>> Occurrences(IEventIndex index) =>
        messageId => index.Lineage.FindByMessageId(messageId, LineageGraphBuilder.DefaultDuplicateLimit);

    private IReadOnlyList<EventEnvelope> Recent(IEventIndex index, IReadOnlyList<string> types, int perType, UserAccess access)
    {
        var topics = PermittedTopics.Of(index, access);
        if (topics.IsNone)
        {
            return [];
        }

        var mask = !access.SeesRawValues && masker.HasRules;
        return
        [
            .. types
                .SelectMany(type => index.Query(topics.Restrict(new EventSelection { Type = type, Limit = perType })))
                .Where(e => topics.CanRead(e.Topic))
                .Select(e => mask && masker.AppliesTo(e.Topic) ? masker.Mask(e) : e),
        ];
    }

    private async Task<IndexRead<T>> ReadAsync<T>(Func<IEventIndex, T> read, T withoutIndex, CancellationToken cancellationToken)
    {
        var result = await reads.RunAsync(read, cancellationToken).ConfigureAwait(false);
        return result.Status == IndexReadStatus.NoIndex ? IndexRead<T>.Of(withoutIndex) : result;
    }
}
