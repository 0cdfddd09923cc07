using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Groups;

/// <summary>The monitor's log lines: each failure once per streak, and its end.</summary>
internal static partial class ConsumerGroupMonitorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refreshing consumer groups failed; showing the previous groups until it works again")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refreshing consumer groups works again after {Failures} failed refreshes")]
    public static partial void RefreshRecovered(ILogger logger, int failures);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Consumer group {GroupId} could not be read: {Error}")]
    public static partial void GroupFailed(ILogger logger, string groupId, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Lag history could not be read or written; the sparklines miss samples")]
    public static partial void HistoryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Consumer group monitor started: {Source}, every {Interval}")]
    public static partial void Started(ILogger logger, string source, TimeSpan interval);
}
