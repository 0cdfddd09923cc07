namespace EventObserver.Features.Topology;

/// <summary>
/// The answer of <c>GET /api/topology</c>: producers → topics → consumer groups over <see cref="Window"/>. Rates are over
/// [<see cref="From"/>, <see cref="To"/>]; when <see cref="Capped"/>, <see cref="From"/> is later than the window's start
/// (only the newest <see cref="EventsRead"/> messages were counted). <see cref="GroupsSource"/> says how groups were
/// found, <see cref="GroupsError"/> why they may be missing.
/// </summary>
public sealed record TopologyDto(
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long EventsRead,
    bool Capped,
    string GroupsSource,
    string? GroupsError,
    IReadOnlyList<TopologyNodeDto> Nodes,
    IReadOnlyList<TopologyEdgeDto> Edges);
