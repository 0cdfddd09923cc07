namespace EventObserver.Features.Events;

/// <summary>The position in <c>GET /api/events/{topic}/{partition}/{offset}</c>.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Offset">The offset in the partition.</param>
public sealed record EventRoute(string Topic, int Partition, long Offset);
