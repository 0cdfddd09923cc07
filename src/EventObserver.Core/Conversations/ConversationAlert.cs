namespace EventObserver.Core.Conversations;

/// <summary>One breach (or its resolution) to tell the receivers about, once.</summary>
public sealed record ConversationAlert(ConversationAlertKind Kind, ConversationInfo Conversation, DateTimeOffset At);
