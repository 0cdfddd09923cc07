namespace EventObserver.Features.Flows;

/// <summary>A bounded context: the producing service, or the topic when messages name no source (<see cref="ByTopic"/>).</summary>
public sealed record FlowLaneDto(string Id, string Label, bool ByTopic);
