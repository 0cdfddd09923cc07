using EventObserver.Core.Conversations;

namespace EventObserver.Features.Conversations;

/// <summary>Maps the tracker's read models to the API's DTOs.</summary>
public static class ConversationDtoMapper
{
    public static ProcessListDto ToList(ConversationsOverview overview, bool enabled, string window, DateTimeOffset now, int suggestAfterCompleted)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return new ProcessListDto(
            enabled,
            enabled ? null : ConversationTexts.MonitoringOff,
            window,
            now,
            overview.Tracked,
            overview.Capacity,
            overview.Overflowed,
            overview.Unassigned,
            overview.MessagesObserved,
            [.. overview.Processes.Select(p => ToProcess(p, suggestAfterCompleted))]);
    }

    public static ProcessDto ToProcess(ProcessSummary process, int suggestAfterCompleted)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new ProcessDto(
            process.Name,
            process.Start,
            [.. process.DoneTypes],
            [.. process.FailedTypes],
            process.Configured,
            Seconds(process.Within),
            process.DeadlineSource,
            Seconds(process.SuggestedWithin),
            process.SuggestionBasis,
            ConversationTexts.Deadline(process, suggestAfterCompleted),
            process.Started,
            process.Completed,
            process.Failed,
            process.Open,
            process.Stuck,
            process.DurationP50Ms,
            process.DurationP95Ms,
            [.. process.StuckOverTime.Select(p => new StuckPointDto(p.At, p.Stuck))],
            ConversationLinks.Process(process.Name));
    }

    public static ConversationDto ToConversation(ConversationInfo conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var last = conversation.Last;
        return new ConversationDto(
            conversation.Key,
            conversation.Status,
            conversation.StartedAt,
            Math.Round(Math.Max(0, (now - conversation.StartedAt).TotalSeconds), 3),
            conversation.EndedAt,
            conversation.DueAt,
            conversation.StuckSince,
            conversation.LateCompletion,
            conversation.Messages,
            new ConversationStepDto(last.MessageType, last.Source, last.Topic, last.EventId, last.Timestamp),
            conversation.WhereStopped,
            conversation.Expected is { } next ? new ExpectedReactionDto(next.MessageType, next.Source, next.Share, next.Seen) : null,
            new ConversationLinksDto(ConversationLinks.Lineage(conversation.Key), ConversationLinks.Replay(conversation.Key)));
    }

    private static double? Seconds(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 3) : null;
}
