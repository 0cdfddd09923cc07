namespace EventObserver.Features.Feed;

/// <summary>Source-generated log messages of the hub's per-connection pumps.</summary>
internal static partial class FeedHubLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} subscribed to the live feed")]
    public static partial void Subscribed(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} unsubscribed after {Sent} events sent, {Dropped} dropped")]
    public static partial void Unsubscribed(ILogger logger, string connectionId, long sent, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} is not keeping up; dropping events until its pending send completes")]
    public static partial void SlowClient(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending to hub connection {ConnectionId} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live-feed pump of hub connection {ConnectionId} stopped")]
    public static partial void PumpFailed(ILogger logger, Exception exception, string connectionId);
}
