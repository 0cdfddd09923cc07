namespace EventObserver.Features.Flows;

/// <summary>
/// The answer of <c>GET /api/flows</c>: the observed process over <see cref="Window"/> (ending at <see cref="To"/>).
/// When <see cref="Capped"/>, only the most recent <see cref="EventsRead"/> messages were read, back to <see cref="OldestRead"/>.
/// </summary>
public sealed record FlowMapDto(
    IReadOnlyList<FlowNodeDto> Nodes,
    IReadOnlyList<FlowEdgeDto> Edges,
    IReadOnlyList<FlowLaneDto> Lanes,
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long EventsRead,
    bool Capped,
    DateTimeOffset? OldestRead);
