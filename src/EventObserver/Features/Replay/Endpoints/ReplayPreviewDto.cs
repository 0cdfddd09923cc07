using EventObserver.Features.Events;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>One message a dry run would send: from where, to where, its key and headers (stamps included).</summary>
/// <param name="Source">The original's position, <c>topic/partition/offset</c>.</param>
/// <param name="ValueBytes">Size of the value that would be sent.</param>
public sealed record ReplayPreviewDto(string Source, string TargetTopic, string? Type, string? Key, int ValueBytes, IReadOnlyList<EventHeaderDto> Headers);
