namespace EventObserver.Features.Topics;

/// <summary>The query of <c>GET /api/gaps</c>: one topic (or all) and how many of the newest gaps.</summary>
public sealed record GapParameters(string? Topic, int? Limit);
