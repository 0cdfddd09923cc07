using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>
/// <c>POST /api/replays</c>: a selection and exactly one of <c>projection</c> (JavaScript), <c>template</c> (a built-in
/// projection's name), <c>saved</c> (a saved projection) or <c>publish</c>.
/// </summary>
public sealed record ReplayRequestDto(
    ReplaySelectionDto? Selection,
    string? Projection,
    string? Template,
    ReplaySavedRefDto? Saved,
    ReplayPublishRequest? Publish,
    string? OnError,
    bool StartPaused,
    string? Label);
