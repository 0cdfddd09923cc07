namespace EventObserver.Core.Flows;

/// <summary>A saved projection and the event types it has handlers for, to draw it next to those events.</summary>
public sealed record FlowProjection(string Name, IReadOnlyCollection<string> HandledTypes);
