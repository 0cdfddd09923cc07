using EventObserver.Core.Conversations;

namespace EventObserver.Features.Conversations;

/// <summary>
/// One process in <c>GET /api/processes</c>: its start and terminal types, the deadline in force with where it comes from
/// (<see cref="Deadline"/> in words), counts over the window, duration percentiles and stuck over time.
/// </summary>
public sealed record ProcessDto(
    string Name,
    string Start,
    string[] DoneTypes,
    string[] FailedTypes,
    bool Configured,
    double? WithinSeconds,
    DeadlineSource DeadlineSource,
    double? SuggestedWithinSeconds,
    long SuggestionBasis,
    string Deadline,
    long Started,
    long Completed,
    long Failed,
    long Open,
    long Stuck,
    long? DurationP50Ms,
    long? DurationP95Ms,
    StuckPointDto[] StuckOverTime,
    string Href);
