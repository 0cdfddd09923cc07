namespace EventObserver.Core.Flows;

/// <summary>
/// A horizontal band of the board: one bounded context. <see cref="Label"/> is the producing service
/// (the envelope's source) or, when a message names none, its topic (<see cref="ByTopic"/>).
/// </summary>
public sealed record FlowLane(string Id, string Label, bool ByTopic);
