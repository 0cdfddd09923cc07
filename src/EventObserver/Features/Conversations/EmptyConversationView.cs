using EventObserver.Core.Conversations;

namespace EventObserver.Features.Conversations;

/// <summary>
/// The view when nothing tracks conversations (monitoring off, or a host without the tracker): no processes, nothing
/// tracked. Registered only when no other <see cref="IConversationView"/> is.
/// </summary>
public sealed class EmptyConversationView : IConversationView
{
    public ConversationsOverview Overview(DateTimeOffset now, TimeSpan window) => new();

    public IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit) => [];

    public ConversationInfo? Find(string key) => null;
}
