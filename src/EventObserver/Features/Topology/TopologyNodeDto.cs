namespace EventObserver.Features.Topology;

/// <summary>
/// A box of the topology. <see cref="Kind"/>: <c>producer</c>, <c>topic</c> or <c>group</c>; <see cref="PerSecond"/>: a
/// producer's writes, a topic's incoming messages over the window, a group's consumption (null when not known);
/// <see cref="LagLevel"/> (groups): <c>ok</c> (time lag under 10 s), <c>lagging</c> (under 60 s), <c>farBehind</c>, or
/// <c>unknown</c>; <see cref="Href"/> the page it opens, relative to the app; <see cref="X"/>, <see cref="Y"/> its place.
/// </summary>
public sealed record TopologyNodeDto(
    string Id,
    string Kind,
    string Name,
    double? PerSecond,
    long Count,
    bool DeadLetter,
    string? LagLevel,
    long? Lag,
    double? MaxTimeLagSeconds,
    string? Error,
    string Href,
    double X,
    double Y);
