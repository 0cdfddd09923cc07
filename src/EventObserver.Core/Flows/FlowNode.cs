namespace EventObserver.Core.Flows;

/// <summary>One sticky of the flow map: a message type in a lane, a policy or a projection.</summary>
public sealed record FlowNode
{
    public required string Id { get; init; }
    public required FlowNodeKind Kind { get; init; }

    /// <summary>The message type, the policy's "whenever X then Y", or the projection's name.</summary>
    public required string Label { get; init; }

    /// <summary>The id of the <see cref="FlowLane"/> the sticky sits in.</summary>
    public required string Lane { get; init; }

    /// <summary>Messages of this type seen in the window; for a policy, the reactions it stands for; 0 for a projection.</summary>
    public long Count { get; init; }

    /// <summary>Topics the messages were seen on, ordinal order.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Dead-letter copies, messages on a dead-letter topic, or a type named as a failure (…Failed, …Error).</summary>
    public bool Failure { get; init; }

    /// <summary>The sticky stands for dead-letter copies.</summary>
    public bool DeadLetter { get; init; }

    /// <summary>An event that caused nothing observed in the window.</summary>
    public bool Unreacted { get; init; }

    /// <summary>For a policy: the event type it reacts to and the command it issues.</summary>
    public string? Trigger { get; init; }

    public string? Issues { get; init; }
}
