namespace EventObserver.Features.Conventions;

/// <summary>A message that broke a rule; <see cref="Id"/> is <c>topic/partition/offset</c>, as in <c>/api/events/{topic}/{partition}/{offset}</c>.</summary>
public sealed record ConventionExampleDto(string Id, string? Type, string Topic, int Partition, long Offset, DateTimeOffset Timestamp);
