using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// The admin calls both group admins share (committed offsets, watermarks, altering offsets), each bounded by the
/// request timeout: librdkafka's own timeout is passed on, and the task is abandoned at the same time in case the
/// client never answers (a stalled connection must not hold a refresh).
/// </summary>
internal sealed class AdminOffsetCalls(IAdminClient admin, TimeSpan requestTimeout)
{
    /// <summary>librdkafka takes one group per OffsetFetch request: this many run at once.</summary>
    public const int MaxConcurrentGroups = 16;

    public TimeSpan RequestTimeout => requestTimeout;

    public async Task<T> BoundAsync<T>(Task<T> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(requestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The abandoned call may still fail later: observe it so it is not reported as unobserved.
            _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw new TimeoutException($"{what} did not answer within {requestTimeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>One result per group, in order; a group that fails carries its error and never hides the others.</summary>
    public async Task<IReadOnlyList<GroupCommittedOffsets>> CommittedAsync(
        IReadOnlyList<string> groupIds, Func<string, IReadOnlyList<TopicPartition>?> partitionsOf, CancellationToken cancellationToken)
    {
        var results = new GroupCommittedOffsets[groupIds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, groupIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentGroups, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await OneGroupAsync(groupIds[i], partitionsOf(groupIds[i]), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    public async Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> WatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
        {
            return new Dictionary<TopicPartitionKey, PartitionWatermarks>();
        }

        var earliest = ListOffsetsAsync(partitions, OffsetSpec.Earliest(), cancellationToken);
        var latest = ListOffsetsAsync(partitions, OffsetSpec.Latest(), cancellationToken);
        var low = await earliest.ConfigureAwait(false);
        var high = await latest.ConfigureAwait(false);
        var marks = new Dictionary<TopicPartitionKey, PartitionWatermarks>(high.Count);
        foreach (var (key, end) in high)
        {
            if (low.TryGetValue(key, out var start))
            {
                marks[key] = new PartitionWatermarks(start, end);
            }
        }

        return marks;
    }

    public async Task AlterAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken)
    {
        var request = new ConsumerGroupTopicPartitionOffsets(
            groupId,
            offsets.Select(o => new TopicPartitionOffset(o.Key.Topic, o.Key.Partition, o.Value)).ToList());
        try
        {
            var results = await BoundAsync(
                admin.AlterConsumerGroupOffsetsAsync([request], new AlterConsumerGroupOffsetsOptions { RequestTimeout = requestTimeout }),
                $"Altering the offsets of group '{groupId}'",
                cancellationToken).ConfigureAwait(false);
            var failed = results.SelectMany(r => r.Partitions).Where(p => p.Error.IsError).ToList();
            if (failed.Count > 0)
            {
                throw new InvalidOperationException(Describe(failed));
            }
        }
        catch (AlterConsumerGroupOffsetsException e)
        {
            var report = e.Results.FirstOrDefault();
            var reason = report?.Error is { IsError: true } error
                ? error.Reason
                : Describe(report?.Partitions.Where(p => p.Error.IsError).ToList() ?? []);
            throw new InvalidOperationException($"the broker refused to alter the offsets of group '{groupId}': {reason}", e);
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException($"the broker refused to alter the offsets of group '{groupId}': {e.Error.Reason}", e);
        }
    }

    private async Task<GroupCommittedOffsets> OneGroupAsync(string groupId, IReadOnlyList<TopicPartition>? partitions, CancellationToken cancellationToken)
    {
        try
        {
            var results = await BoundAsync(
                admin.ListConsumerGroupOffsetsAsync(
                    [new ConsumerGroupTopicPartitions(groupId, partitions?.ToList())],
                    new ListConsumerGroupOffsetsOptions { RequestTimeout = requestTimeout }),
                $"Reading the committed offsets of group '{groupId}'",
                cancellationToken).ConfigureAwait(false);
            return new GroupCommittedOffsets(groupId, Committed(results.SelectMany(r => r.Partitions)));
        }
        catch (ListConsumerGroupOffsetsException e)
        {
            var report = e.Results.FirstOrDefault();
            if (report?.Error is { IsError: true } error)
            {
                return new GroupCommittedOffsets(groupId, new Dictionary<TopicPartitionKey, long>(), error.Reason);
            }

            // Only some partitions failed: keep the others (a failed partition is shown as not committed).
            return new GroupCommittedOffsets(groupId, Committed(report?.Partitions ?? []));
        }
        catch (Exception e) when (e is KafkaException or TimeoutException or ArgumentException)
        {
            return new GroupCommittedOffsets(groupId, new Dictionary<TopicPartitionKey, long>(), e.Message);
        }
    }

    private async Task<Dictionary<TopicPartitionKey, long>> ListOffsetsAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, OffsetSpec spec, CancellationToken cancellationToken)
    {
        var specs = partitions
            .Select(p => new TopicPartitionOffsetSpec { TopicPartition = new TopicPartition(p.Topic, p.Partition), OffsetSpec = spec })
            .ToList();
        var options = new ListOffsetsOptions { RequestTimeout = requestTimeout };
        List<ListOffsetsResultInfo> infos;
        try
        {
            var call = admin is IListOffsetsClient client ? client.ListOffsetsAsync(specs, options) : admin.ListOffsetsAsync(specs, options);
            infos = (await BoundAsync(call, "Listing partition offsets", cancellationToken).ConfigureAwait(false)).ResultInfos;
        }
        catch (ListOffsetsException e)
        {
            // Partitions that failed are left out; the others are still good.
            infos = e.Result.ResultInfos;
        }

        var offsets = new Dictionary<TopicPartitionKey, long>(infos.Count);
        foreach (var info in infos)
        {
            var result = info.TopicPartitionOffsetError;
            if (!result.Error.IsError && result.Offset.Value >= 0)
            {
                offsets[new TopicPartitionKey(result.Topic, result.Partition.Value)] = result.Offset.Value;
            }
        }

        return offsets;
    }

    private static Dictionary<TopicPartitionKey, long> Committed(IEnumerable<TopicPartitionOffsetError> partitions)
    {
        var offsets = new Dictionary<TopicPartitionKey, long>();
        foreach (var p in partitions)
        {
            // Offset.Unset (-1001): never committed on this partition.
            if (!p.Error.IsError && p.Offset.Value >= 0)
            {
                offsets[new TopicPartitionKey(p.Topic, p.Partition.Value)] = p.Offset.Value;
            }
        }

        return offsets;
    }

    private static string Describe(IReadOnlyList<TopicPartitionOffsetError> failed) =>
        failed.Count == 0
            ? "no reason given"
            : string.Join("; ", failed.Take(5).Select(p => $"{p.Topic}/{p.Partition.Value}: {p.Error.Reason}"))
              + (failed.Count > 5 ? $" (and {failed.Count - 5} more)" : "");
}
