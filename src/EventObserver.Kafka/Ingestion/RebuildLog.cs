using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>Log messages of rebuilding the index from Kafka.</summary>
internal static partial class RebuildLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the index {IndexFile} from the earliest offsets Kafka still has")]
    public static partial void Started(ILogger logger, string indexFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index rebuilt from Kafka: {Offsets} offsets of {Partitions} partitions in {Topics} topics caught up in {Seconds:0.0} s")]
    public static partial void Finished(ILogger logger, long offsets, int partitions, int topics, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index was replaced (rebuild); ingestion starts again on the new index")]
    public static partial void Switched(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {Count} events for the replaced index was dropped ({Reason}); the new index is filled from Kafka again")]
    public static partial void BatchAbandoned(ILogger logger, string reason, int count);
}
