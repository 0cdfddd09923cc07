namespace EventObserver.Features.Conversations;

/// <summary>What the traffic usually does after the last step: the type, its source and the share of cases (0–1).</summary>
public sealed record ExpectedReactionDto(string Type, string? Source, double Share, long Seen);
