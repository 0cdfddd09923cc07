namespace EventObserver.Core.Conversations;

/// <summary>Where alerts go (webhooks). Publish must not block: the monitor's timer calls it.</summary>
public interface IConversationAlertSink
{
    void Publish(IReadOnlyList<ConversationAlert> alerts);
}
