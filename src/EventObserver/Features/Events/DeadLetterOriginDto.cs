namespace EventObserver.Features.Events;

public sealed record DeadLetterOriginDto(string Topic, int? Partition, long? Offset, string? Error);
