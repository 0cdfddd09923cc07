namespace EventObserver.Features.Groups;

/// <summary>One sample of a group's lag: total messages behind and the largest time lag, in seconds.</summary>
public sealed record LagPointDto(DateTimeOffset At, long TotalLag, double? MaxTimeLagSeconds);
