namespace EventObserver.Api;

public sealed record RetentionGapTotalsDto(long Count, long MessagesLost);
