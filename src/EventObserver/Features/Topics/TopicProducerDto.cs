namespace EventObserver.Features.Topics;

/// <summary>One producer seen on a topic: its <c>source</c> (null when events name none), how many events, the last one's time.</summary>
public sealed record TopicProducerDto(string? Source, long Events, DateTimeOffset LastSeenAt);
