using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>The last event a run processed, so the page can link to it.</summary>
public sealed record ReplayEventRef(EventPosition Position, string? Type, DateTimeOffset Timestamp, StepOutcome Outcome, string? PartitionKey);
