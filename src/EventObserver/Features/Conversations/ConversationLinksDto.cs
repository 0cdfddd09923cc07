namespace EventObserver.Features.Conversations;

/// <summary>Pages of a conversation, relative to the app's base: its lineage graph and the replay page selecting it.</summary>
public sealed record ConversationLinksDto(string Lineage, string Replay);
