namespace EventObserver.Features.Events;

/// <summary>The position in <c>GET /api/events/{topic}/{partition}/{offset}</c>.</summary>
public sealed record EventRoute(string Topic, int Partition, long Offset);
