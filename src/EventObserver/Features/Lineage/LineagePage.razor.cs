using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Core.Lineage;
using EventObserver.Shared;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;


namespace EventObserver.Features.Lineage;

/// <summary>
/// The lineage graph of one message (<c>?event=topic/partition/offset</c>) or one conversation
/// (<c>?correlation=id</c>); without either, a search box and recent conversations. The graph is read off the
/// circuit's thread (<see cref="LineageQueries"/>), laid out here on the server and drawn as SVG; selecting and
/// highlighting re-render from state, expanding and changing direction read again (the newest read wins).
/// </summary>
public sealed partial class LineagePage : IDisposable
{
    private const int MaxUnresolvedShown = 20;

    public static readonly LayoutOptions GraphLayoutOptions = new() { NodeWidth = 200, NodeHeight = 88, LayerSpacing = 76, NodeSpacing = 22 };

    private readonly LayeredLayout _layout = new(GraphLayoutOptions);
    // Cancelled on dispose, never disposed itself: a read already on its way may still ask for its token.
    private readonly CancellationTokenSource _disposed = new();
    private LineageGraphView? _view;
    private (LineageStart? Start, LineageDirection Direction, int Limit)? _loaded;
    private int _loads;

    [Inject] public required LineageQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required IOptions<LineageOptions> Options { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "event")] public string? EventParameter { get; set; }

    [SupplyParameterFromQuery(Name = "correlation")] public string? CorrelationParameter { get; set; }

    [SupplyParameterFromQuery(Name = "direction")] public string? DirectionParameter { get; set; }

    [SupplyParameterFromQuery(Name = "limit")] public string? LimitParameter { get; set; }

    public LineageStart? Start { get; private set; }

    public LineageDirection Direction { get; private set; } = LineageDirection.Both;

    public int MaxNodes { get; private set; } = LineageQueries.DefaultMaxNodes;

    public LineageGraph Graph { get; private set; } = LineageGraph.Empty(null);

    public GraphLayout Layout { get; private set; } = new([], [], 0, 0);

    public string? SelectedId { get; private set; }

    public GraphHighlight Highlight { get; private set; } = GraphHighlight.None;

    /// <summary>True while a graph is being read.</summary>
    public bool Loading { get; private set; }

    /// <summary>Why the last read failed; null after one that worked.</summary>
    public string? Error { get; private set; }

    /// <summary>True while "Expand neighbours" reads.</summary>
    public bool Expanding { get; private set; }

    /// <summary>What the last expansion found ("3 new neighbours", "No new neighbours"); null before one or after another read.</summary>
    public string? ExpandNote { get; private set; }

    /// <summary>Nodes the last expansion added (drawn highlighted for a moment); empty after any other read.</summary>
    public IReadOnlySet<string> NewIds { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    private static IReadOnlyList<LineageDirection> Directions { get; } = [LineageDirection.Up, LineageDirection.Both, LineageDirection.Down];

    private LineageNode? SelectedNode => SelectedId is null ? null : Graph.Nodes.FirstOrDefault(n => n.Id == SelectedId);

    private string? TraceUrlTemplate => Options.Value.TraceUrlTemplate;

    private int MessageCount => Graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message);

    private int HiddenCount => Graph.Nodes.Count(n => n.Kind == LineageNodeKind.Hidden);

    private int TopicCount => Graph.Nodes.Select(n => n.Envelope?.Topic).Where(t => t is not null).Distinct(StringComparer.Ordinal).Count();

    private string UnresolvedText => Graph.UnresolvedCauses.Count == 1
        ? "1 cause not found in the index"
        : $"{Graph.UnresolvedCauses.Count} causes not found in the index";

    /// <summary>The ids for the tooltip; a long list is cut (the API answer has them all).</summary>
    private string UnresolvedTitle => Graph.UnresolvedCauses.Count <= MaxUnresolvedShown
        ? string.Join('\n', Graph.UnresolvedCauses)
        : string.Join('\n', Graph.UnresolvedCauses.Take(MaxUnresolvedShown)) + $"\n… and {Graph.UnresolvedCauses.Count - MaxUnresolvedShown} more";

    private EventEnvelope? RootEnvelope => Graph.Nodes.FirstOrDefault(n => n.Id == Graph.RootId)?.Envelope;

    private string? RootCorrelation => Start?.Event is not null ? RootEnvelope?.CorrelationId : null;

    private string Caption => Start?.Event is { } position
        ? $"{RootEnvelope?.MessageType ?? "Message"} at {position}"
        : $"Conversation {Start?.CorrelationId}";

    private string NotFoundText => Start?.Event is { } position
        ? $"The index holds no event at {position}."
        : $"No indexed message carries the correlation id '{Start?.CorrelationId}'.";

    /// <summary>Selects a node; a "more" marker raises the node limit and reads again instead.</summary>
    public Task SelectAsync(string id)
    {
        var node = Graph.Nodes.FirstOrDefault(n => n.Id == id);
        if (node is null)
        {
            return Task.CompletedTask;
        }

        if (node.Kind == LineageNodeKind.More)
        {
            return RaiseLimitAsync();
        }

        Select(id);
        return Task.CompletedTask;
    }

    /// <summary>Walks from the node in both directions and merges what it finds into the graph on screen.</summary>
    public async Task ExpandAsync(string id)
    {
        var node = Graph.Nodes.FirstOrDefault(n => n.Id == id);
        if (node?.Kind == LineageNodeKind.More)
        {
            await RaiseLimitAsync();
            return;
        }

        // A hidden node has no position to walk from (the page never learns it): only visible messages expand.
        if (node?.Envelope is not { } envelope)
        {
            return;
        }

        var position = new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset);
        var access = User.Access;
        var before = Graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        (Expanding, ExpandNote) = (true, null);
        try
        {
            await ReadAsync(
                token => Queries.ForEventAsync(position, LineageDirection.Both, LineageQueries.DefaultDepth, MaxNodes, access, token),
                expansion =>
                {
                    Show(LineageGraphMerger.Merge(Graph, expansion, id), id);
                    var added = Graph.Nodes.Where(n => !before.Contains(n.Id)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                    NewIds = added;
                    ExpandNote = added.Count switch
                    {
                        0 => "No new neighbours: everything linked to it is already shown.",
                        1 => "1 new neighbour (highlighted).",
                        _ => $"{added.Count} new neighbours (highlighted).",
                    };
                });
        }
        finally
        {
            Expanding = false;
        }
    }

    public void Dispose() => _disposed.Cancel();

    protected override async Task OnParametersSetAsync()
    {
        Start = EventPosition.TryParse(EventParameter, out var position)
            ? LineageStart.ForEvent(position)
            : string.IsNullOrWhiteSpace(CorrelationParameter) ? null : LineageStart.ForCorrelation(CorrelationParameter.Trim());
        // A conversation has no direction: it is always drawn whole.
        var wanted = (Start, Start?.Event is null ? LineageDirection.Both : LineageViewState.ParseDirection(DirectionParameter), LineageViewState.ParseLimit(LimitParameter));
        if (wanted != _loaded)
        {
            var otherStart = Start != _loaded?.Start;
            _loaded = wanted;
            (Direction, MaxNodes) = (wanted.Item2, wanted.Item3);
            if (otherStart)
            {
                // Another start: the old graph must not stand under the new caption while the new one is read.
                Show(LineageGraph.Empty(null), null);
            }

            await LoadAsync();
        }
    }

    private void Select(string id)
    {
        SelectedId = id;
        Highlight = GraphHighlight.PathBetween(Graph, Graph.RootId, id);
    }

    /// <summary>Goes to the address of the new direction (kept on reload and back); reading follows from the address.</summary>
    private Task SetDirectionAsync(LineageDirection direction)
    {
        if (Start is { } start && direction != Direction)
        {
            Navigation.NavigateTo(LineageViewState.Href(start, direction, MaxNodes), replace: true);
        }

        return Task.CompletedTask;
    }

    private Task RaiseLimitAsync()
    {
        if (Start is { } start && MaxNodes < LineageQueries.MaxNodesCap)
        {
            Navigation.NavigateTo(LineageViewState.Href(start, Direction, Math.Min(LineageQueries.MaxNodesCap, MaxNodes * 2)), replace: true);
        }

        return Task.CompletedTask;
    }

    private Task LoadAsync()
    {
        if (Start is not { } start)
        {
            // Back to the search: a read still on its way for the last start must not be shown.
            _loads++;
            (Loading, Error) = (false, null);
            Show(LineageGraph.Empty(null), null);
            return Task.CompletedTask;
        }

        var (direction, maxNodes, access) = (Direction, MaxNodes, User.Access);
        return ReadAsync(
            token => Queries.ForAsync(start, direction, LineageQueries.DefaultDepth, maxNodes, access, token),
            graph => Show(graph, graph.RootId));
    }

    /// <summary>Runs one read; its result is shown only if no newer read started meanwhile and the page is still open.</summary>
    private async Task ReadAsync(Func<CancellationToken, Task<IndexRead<LineageGraph>>> read, Action<LineageGraph> show)
    {
        var load = ++_loads;
        Loading = true;
        IndexRead<LineageGraph> result;
        try
        {
            result = await read(_disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }

        if (load != _loads)
        {
            return;
        }

        Loading = false;
        Error = result.Succeeded ? null : $"The lineage could not be read: {result.Error}";
        if (result.Succeeded)
        {
            show(result.Value!);
        }
    }

    private void Show(LineageGraph graph, string? selectedId)
    {
        Graph = graph;
        Layout = _layout.Compute(graph);
        (NewIds, ExpandNote) = (new HashSet<string>(StringComparer.Ordinal), null);
        SelectedId = null;
        Highlight = GraphHighlight.None;
        if (selectedId is not null && Graph.Nodes.Any(n => n.Id == selectedId && n.Kind != LineageNodeKind.More))
        {
            Select(selectedId);
        }
    }

    private static string DirectionLabel(LineageDirection direction) => direction switch
    {
        LineageDirection.Up => "Causes",
        LineageDirection.Down => "Effects",
        _ => "Both",
    };

    private Task FitAsync() => _view?.FitAsync() ?? Task.CompletedTask;

    private Task ExportAsync() =>
        _view?.ExportAsync(ExportFileName.ForSvg(Start?.Event?.ToString() ?? Start?.CorrelationId)) ?? Task.CompletedTask;
}
