namespace EventObserver.Features.Conversations;

/// <summary>A message of a conversation: its type, who sent it, where it is (<see cref="EventId"/> is <c>topic/partition/offset</c>).</summary>
public sealed record ConversationStepDto(string Type, string? Source, string Topic, string EventId, DateTimeOffset Timestamp);
