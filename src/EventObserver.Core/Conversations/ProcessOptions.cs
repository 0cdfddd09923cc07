namespace EventObserver.Core.Conversations;

/// <summary>One configured process (<c>EventObserver:Monitoring:Processes[]</c>): message types, not topics.</summary>
public sealed class ProcessOptions
{
    /// <summary>Shown name; defaults to the start type.</summary>
    public string? Name { get; set; }

    /// <summary>The message type that starts a conversation (the first message of a correlation).</summary>
    public string Start { get; set; } = string.Empty;

    /// <summary>Success terminal types.</summary>
    public List<string> Done { get; set; } = [];

    /// <summary>Failure terminal types (dead letters of the conversation always count as failures).</summary>
    public List<string> Failed { get; set; } = [];

    /// <summary>Deadline from the start message; open past it means stuck. Unset: the suggested deadline applies.</summary>
    public TimeSpan? Within { get; set; }
}
