namespace EventObserver.Features.Status;

public sealed record DemoStatusDto(bool Enabled, long OrdersStarted, long OrdersRunning, long MessagesProduced);
