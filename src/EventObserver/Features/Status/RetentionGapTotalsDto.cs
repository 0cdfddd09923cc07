namespace EventObserver.Features.Status;

public sealed record RetentionGapTotalsDto(long Count, long MessagesLost);
