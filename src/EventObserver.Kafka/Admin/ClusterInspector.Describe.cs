using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace EventObserver.Kafka.Admin;

/// <summary>One topic's description: partition metadata from the shared metadata refresh, watermarks asked per topic.</summary>
public sealed partial class ClusterInspector
{
    /// <summary>Descriptions kept beyond this many are dropped once stale, so a crawler asking for every name cannot grow the cache.</summary>
    private const int KeptDescriptions = 64;

    private readonly Dictionary<string, (DateTimeOffset At, Task<ClusterTopicDescription> Task)> _descriptions = new(StringComparer.Ordinal);

    public Task<ClusterTopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_filter is null)
        {
            return Task.FromResult(ClusterTopicDescription.Unknown(topic, "The topic filter is invalid: no topic is described."));
        }

        Task<ClusterTopicDescription> task;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_disposed)
            {
                return Task.FromResult(ClusterTopicDescription.Unknown(topic, "The inspector has stopped."));
            }

            if (_descriptions.TryGetValue(topic, out var cached) && now - cached.At < CacheFor)
            {
                task = cached.Task;
            }
            else
            {
                // Callers asking at once share one request; the broker calls block, so they run off the caller's thread.
                task = Task.Run(() => Describe(topic), CancellationToken.None);
                _descriptions[topic] = (now, task);
                if (_descriptions.Count > KeptDescriptions)
                {
                    foreach (var stale in _descriptions.Where(d => now - d.Value.At >= CacheFor).Select(d => d.Key).ToList())
                    {
                        _descriptions.Remove(stale);
                    }
                }
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    private ClusterTopicDescription Describe(string topic)
    {
        // The metadata of every topic is refreshed (and cached) by GetTopics; asking for one topic by name could make
        // a broker with auto-creation create it.
        GetTopics();
        List<PartitionMetadata>? partitions;
        lock (_gate)
        {
            partitions = _partitionMetadata.GetValueOrDefault(topic);
        }

        var metadataError = LastError;
        if (partitions is null || !_filter!.Includes(topic))
        {
            return ClusterTopicDescription.Unknown(topic, metadataError);
        }

        Dictionary<int, long> lows, highs;
        string? offsetsError;
        try
        {
            (lows, highs, offsetsError) = ReadWatermarks(topic, partitions);
        }
        catch (Exception e) when (e is KafkaException or ObjectDisposedException)
        {
            // Stopping, or the client refused the request: the partitions are still worth showing.
            (lows, highs, offsetsError) = ([], [], e.Message);
        }

        var described = partitions
            .OrderBy(p => p.PartitionId)
            .Select(p => new ClusterPartition(
                p.PartitionId,
                p.Leader >= 0 ? p.Leader : null,
                p.Replicas is { Length: > 0 } replicas ? replicas : null,
                p.InSyncReplicas is { Length: > 0 } isr ? isr : null,
                lows.TryGetValue(p.PartitionId, out var low) ? low : null,
                highs.TryGetValue(p.PartitionId, out var high) ? high : null))
            .ToList();
        return new ClusterTopicDescription(topic, true, described, metadataError ?? offsetsError);
    }

    private (Dictionary<int, long> Lows, Dictionary<int, long> Highs, string? Error) ReadWatermarks(string topic, List<PartitionMetadata> partitions)
    {
        if (partitions.Count == 0 || AcquireAdmin() is not { } admin)
        {
            return ([], [], null);
        }

        try
        {
            return ReadWatermarks(admin, topic, partitions);
        }
        finally
        {
            ReleaseAdmin();
        }
    }

    private static (Dictionary<int, long> Lows, Dictionary<int, long> Highs, string? Error) ReadWatermarks(
        IAdminClient admin, string topic, List<PartitionMetadata> partitions)
    {

        var options = new ListOffsetsOptions { RequestTimeout = RequestTimeout };
        IEnumerable<TopicPartitionOffsetSpec> Specs(OffsetSpec spec) =>
            partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = new TopicPartition(topic, p.PartitionId), OffsetSpec = spec });

        var earliest = admin.ListOffsetsAsync(Specs(OffsetSpec.Earliest()), options);
        var latest = admin.ListOffsetsAsync(Specs(OffsetSpec.Latest()), options);
        var (lows, lowError) = Offsets(earliest, partitions.Count);
        var (highs, highError) = Offsets(latest, partitions.Count);
        return (lows, highs, lowError ?? highError);
    }

    /// <summary>Offsets of the partitions that answered, and why the others did not.</summary>
    private static (Dictionary<int, long> Offsets, string? Error) Offsets(Task<ListOffsetsResult> request, int expected)
    {
        try
        {
            if (!request.Wait(RequestTimeout + TimeSpan.FromSeconds(1)))
            {
                return ([], "The broker did not answer the offsets request in time.");
            }
        }
        catch (AggregateException)
        {
            // Looked at below: a partial answer still carries the partitions that succeeded.
        }

        var infos = request.Status == TaskStatus.RanToCompletion ? request.Result.ResultInfos
            : request.Exception?.InnerException is ListOffsetsException partial ? partial.Result.ResultInfos
            : [];
        var offsets = new Dictionary<int, long>();
        string? error = request.Exception?.InnerException?.Message;
        foreach (var info in infos)
        {
            var tpo = info.TopicPartitionOffsetError;
            if (!tpo.Error.IsError && tpo.Offset != Offset.Unset)
            {
                offsets[tpo.TopicPartition.Partition.Value] = tpo.Offset.Value;
            }
            else if (tpo.Error.IsError)
            {
                error ??= tpo.Error.Reason;
            }
        }

        if (error is null && offsets.Count < expected)
        {
            error = $"The broker did not report the offsets of {expected - offsets.Count} of {expected} partitions.";
        }

        return (offsets, error);
    }
}
