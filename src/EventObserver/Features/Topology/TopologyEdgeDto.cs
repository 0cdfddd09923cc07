namespace EventObserver.Features.Topology;

/// <summary>A link: <see cref="Kind"/> <c>produces</c> (producer → topic) or <c>consumes</c> (topic → group), its rate and, for a group, its lag on that topic.</summary>
public sealed record TopologyEdgeDto(string Id, string Kind, string From, string To, double? PerSecond, long? Lag, double? MaxTimeLagSeconds);
