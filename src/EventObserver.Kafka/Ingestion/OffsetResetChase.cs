using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using EventObserver.Core.Indexing;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Breaks librdkafka's retention chase. After "offset out of range" librdkafka resets a partition to the log start it
/// saw in that failed fetch and backs off (fetch.error.backoff.ms) before fetching again. When the broker deletes
/// data faster than that (a short retention under load; the mock cluster trims every few milliseconds), the cached
/// start is gone again by then: the partition resets, backs off and fails forever, and ingestion stops while the
/// broker has data. When a partition resets twice without delivering a record in between, this seeks it into the
/// retained range, further each time (a tenth, a quarter, then half of it), so the next fetch lands on data.
/// </summary>
internal sealed partial class OffsetResetChase(ILogger logger)
{
    private static readonly double[] Margins = [0, 0.1, 0.25, 0.5];

    private readonly ConcurrentQueue<TopicPartitionKey> _resets = new();
    private readonly Dictionary<TopicPartitionKey, int> _resetsWithoutRecord = [];

    /// <summary>Called on librdkafka's threads for every log line; picks out offset resets.</summary>
    public void OnLog(LogMessage message)
    {
        if (TryParseReset(message.Facility, message.Message) is { } key)
        {
            _resets.Enqueue(key);
        }
    }

    /// <summary>A record of <paramref name="key"/> arrived: any reset before it worked.</summary>
    public void RecordReceived(TopicPartitionKey key)
    {
        if (_resetsWithoutRecord.Count > 0)
        {
            _resetsWithoutRecord.Remove(key);
        }
    }

    /// <summary>Handles the resets seen since the last call; runs on the consume thread.</summary>
    public void Apply(IConsumer<byte[], byte[]> consumer)
    {
        while (_resets.TryDequeue(out var key))
        {
            var resets = _resetsWithoutRecord.GetValueOrDefault(key) + 1;
            _resetsWithoutRecord[key] = resets;
            if (resets >= 2)
            {
                SeekIntoRetainedRange(consumer, key, Margins[Math.Min(resets - 1, Margins.Length - 1)]);
            }
        }
    }

    /// <summary>Reads "topic [partition]: offset reset (…" from librdkafka's OFFSET log line.</summary>
    internal static TopicPartitionKey? TryParseReset(string facility, string message)
    {
        if (!string.Equals(facility, "OFFSET", StringComparison.Ordinal))
        {
            return null;
        }

        var match = ResetLine().Match(message);
        return match.Success
            ? new TopicPartitionKey(match.Groups["topic"].Value, int.Parse(match.Groups["partition"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private void SeekIntoRetainedRange(IConsumer<byte[], byte[]> consumer, TopicPartitionKey key, double margin)
    {
        var partition = new TopicPartition(key.Topic, new Partition(key.Partition));
        try
        {
            var marks = consumer.GetWatermarkOffsets(partition);
            if (marks.Low == Offset.Unset || marks.High == Offset.Unset)
            {
                return;
            }

            var target = marks.Low.Value + (long)((marks.High.Value - marks.Low.Value) * margin);
            IngestionLog.RetentionChase(logger, key.Topic, key.Partition, target, marks.Low.Value, marks.High.Value);
            consumer.Seek(new TopicPartitionOffset(partition, new Offset(target)));
        }
        catch (KafkaException e)
        {
            // Not assigned any more, or in a state that refuses a seek: librdkafka's own reset goes on.
            IngestionLog.ClientError(logger, e.Error.Code.ToString(), e.Error.Reason);
        }
    }

    [GeneratedRegex(@"(?<topic>[A-Za-z0-9._-]+) \[(?<partition>\d+)\]: offset reset \(", RegexOptions.CultureInvariant)]
    private static partial Regex ResetLine();
}
