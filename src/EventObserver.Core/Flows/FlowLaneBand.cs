namespace EventObserver.Core.Flows;

/// <summary>Where a lane is drawn: a full-width horizontal band from <see cref="Y"/>, <see cref="Height"/> high.</summary>
public sealed record FlowLaneBand(string LaneId, string Label, bool ByTopic, double Y, double Height);
