namespace EventObserver.Kafka.Replay;

/// <summary>Whether a publish may go ahead, and if not, why (a sentence for the user).</summary>
public sealed record PublishDecision(PublishRefusal Refusal, string? Reason)
{
    public static PublishDecision Allowed { get; } = new(PublishRefusal.None, null);

    public bool IsAllowed => Refusal == PublishRefusal.None;
}
