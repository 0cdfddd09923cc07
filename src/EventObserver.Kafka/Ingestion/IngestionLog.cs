using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>Source-generated log messages of the ingestion pipeline (some run in the hot loop).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting from {BootstrapServers} (embedded: {IsEmbedded}), subscription {Pattern}")]
    public static partial void Starting(ILogger logger, string bootstrapServers, bool isEmbedded, string pattern);

    [LoggerMessage(Level = LogLevel.Information, Message = "Masking at ingest: events are masked before the index write (EventObserver:Masking:AtIngest)")]
    public static partial void MaskingAtIngest(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to cluster {ClusterId}; index {IndexFile} holds checkpoints for {Partitions} partitions")]
    public static partial void Connected(ILogger logger, string clusterId, string indexFile, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka cluster at {BootstrapServers} is unreachable, retrying: {Reason}")]
    public static partial void Unreachable(ILogger logger, string bootstrapServers, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka cluster is reachable again")]
    public static partial void Reachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consume failed for {Topic}/{Partition}: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string? topic, int partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not decode {Topic}/{Partition}/{Offset}; indexing it raw")]
    public static partial void DecodeFailed(ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} events to the index failed; retrying the same batch")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index writes paused, {Reason}: the batch of {Count} events is kept and tried again every {Seconds} s; ingestion resumes from the checkpoint when space returns, reads go on")]
    public static partial void WritesPaused(ILogger logger, Exception exception, string reason, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index writes resumed after {Seconds} s paused ({Attempts} attempts)")]
    public static partial void WritesResumed(ILogger logger, long seconds, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reopening the index after a failed write failed, trying again with the next attempt: {Reason}")]
    public static partial void ReopenFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Observer} failed on a committed batch of {Count} events; the batch stays indexed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {Stored} of {Count} events")]
    public static partial void BatchWritten(ILogger logger, int stored, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assigned {Partitions} partitions of {Topics} topics")]
    public static partial void Assigned(ILogger logger, int partitions, int topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Regex subscription {Pattern} rejected by librdkafka ({Reason}); subscribing to {Fallback} and filtering here")]
    public static partial void SubscriptionFallback(ILogger logger, string pattern, string reason, string fallback);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ingestion cannot start: {Reason}")]
    public static partial void BadConfiguration(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion failed; restarting the consumer")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion stopped after {Total} events")]
    public static partial void Stopped(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: {Abandoned} consumed events were not committed within {DrainMs} ms and are left for the next start (the checkpoint is before them)")]
    public static partial void AbandonedAtShutdown(ILogger logger, int abandoned, long drainMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention gap in {Topic}/{Partition}: offsets {First}–{Last} ({Count} messages) were deleted by the broker before they were indexed")]
    public static partial void RetentionGap(ILogger logger, string topic, int partition, long first, long last, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Topic}/{Partition} keeps resetting to a log start the broker deletes before it is fetched; seeking to {Target} (log {Low}–{High})")]
    public static partial void RetentionChase(ILogger logger, string topic, int partition, long target, long low, long high);

    [LoggerMessage(Message = "librdkafka {Facility}: {Text}")]
    public static partial void Native(ILogger logger, LogLevel level, string facility, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}: {Events} events of those partitions were not written; their new owner reads them from the last commit")]
    public static partial void Fenced(ILogger logger, string reason, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed {Partitions} partitions in the shared index as observer {ObserverId}")]
    public static partial void Claimed(ILogger logger, int partitions, string observerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Partitions} partitions (revoked or lost in the consumer group)")]
    public static partial void Released(ILogger logger, int partitions);
}
