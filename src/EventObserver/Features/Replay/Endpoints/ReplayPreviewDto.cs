using EventObserver.Features.Events;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>One message a dry run would send: from where, to where, its key and headers (stamps included).</summary>
public sealed record ReplayPreviewDto(string Source, string TargetTopic, string? Type, string? Key, int ValueBytes, IReadOnlyList<EventHeaderDto> Headers);
