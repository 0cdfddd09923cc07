namespace EventObserver.Features.Conversations;

/// <summary>
/// <c>GET /api/processes/{name}/conversations</c>: the process, the status asked for (null: stuck then open), the limit
/// and the conversations in the tracker's order (stuck oldest first, open newest first, ended most recent first).
/// </summary>
public sealed record ConversationListDto(string Process, string? Status, int Limit, ConversationDto[] Conversations);
