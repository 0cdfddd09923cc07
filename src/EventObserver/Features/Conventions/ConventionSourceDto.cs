namespace EventObserver.Features.Conventions;

/// <summary>One source (a service; a topic when <see cref="IsTopic"/>, for messages that name no source) and one finding per rule.</summary>
public sealed record ConventionSourceDto(
    string Source,
    bool IsTopic,
    long Checked,
    long Events,
    long Commands,
    long ConversationStarts,
    long Flagged,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ConventionFindingDto> Findings);
