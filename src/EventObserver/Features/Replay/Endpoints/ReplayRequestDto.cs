using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>
/// <c>POST /api/replays</c>: a selection and exactly one of <c>projection</c> (JavaScript), <c>template</c> (a built-in
/// projection's name), <c>saved</c> (a saved projection) or <c>publish</c>.
/// </summary>
/// <param name="Selection">Which events, oldest first; absent: every event in the index.</param>
/// <param name="Projection">A JavaScript projection, up to 262,144 characters.</param>
/// <param name="Template">A built-in template's name (<c>GET /api/replays/templates</c>).</param>
/// <param name="Saved">A saved projection (<c>/api/projections</c>).</param>
/// <param name="Publish">Re-publish the selection to a topic instead of running a projection.</param>
/// <param name="OnError"><c>stop</c> (default: the first failing event stops the run) or <c>skip</c> (count it and go on).</param>
/// <param name="StartPaused">Start paused, to step through the events.</param>
/// <param name="Label">A name for the run, up to 200 characters; defaults to the template's or saved projection's.</param>
public sealed record ReplayRequestDto(
    ReplaySelectionDto? Selection,
    string? Projection,
    string? Template,
    ReplaySavedRefDto? Saved,
    ReplayPublishRequest? Publish,
    string? OnError,
    bool StartPaused,
    string? Label);
