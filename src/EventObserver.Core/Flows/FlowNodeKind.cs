namespace EventObserver.Core.Flows;

/// <summary>What a sticky on the flow map stands for (its Event Storming colour).</summary>
public enum FlowNodeKind
{
    /// <summary>A message type that is neither clearly a command nor an event.</summary>
    Message = 0,
    Command = 1,
    Event = 2,

    /// <summary>A service reacting to an event by issuing a command ("whenever X then Y").</summary>
    Policy = 3,

    /// <summary>A saved projection (read model) that handles an event type.</summary>
    Projection = 4,
}
