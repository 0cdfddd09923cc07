using EventObserver.Core.Conversations;

namespace EventObserver.Features.Conversations;

/// <summary>One conversation: its state and times, the newest message, where it stopped, what was expected next, links.</summary>
public sealed record ConversationDto(
    string Key,
    ConversationStatus Status,
    DateTimeOffset StartedAt,
    double AgeSeconds,
    DateTimeOffset? EndedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StuckSince,
    bool LateCompletion,
    int Messages,
    ConversationStepDto Last,
    string WhereStopped,
    ExpectedReactionDto? Expected,
    ConversationLinksDto Links);
