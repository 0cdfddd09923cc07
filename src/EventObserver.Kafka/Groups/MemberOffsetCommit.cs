using Confluent.Kafka;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Writes a group's offsets by joining it for a moment: librdkafka's mock cluster refuses an admin OffsetCommit (no
/// member id) for a group it has seen members in, even when they all left ("Unknown member"). Used only for a group
/// known to have no members, so the join disturbs nobody.
/// </summary>
internal static class MemberOffsetCommit
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(20);

    public static Task CommitAsync(ConsumerConfig config, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Commit(config, offsets, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Commit(ConsumerConfig config, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken)
    {
        var wanted = offsets.Keys.Select(k => new TopicPartition(k.Topic, k.Partition)).ToHashSet();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        try
        {
            consumer.Subscribe(wanted.Select(p => p.Topic).Distinct());
            var deadline = DateTime.UtcNow + JoinTimeout;
            while (!wanted.IsSubsetOf(consumer.Assignment))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"the group '{config.GroupId}' was not assigned its partitions within {JoinTimeout.TotalSeconds:0} s, so its offsets could not be written");
                }

                // Joining happens inside Consume; what it returns is not processed (nothing is committed but the offsets below).
                consumer.Consume(TimeSpan.FromMilliseconds(200));
            }

            consumer.Commit(offsets.Select(o => new TopicPartitionOffset(o.Key.Topic, o.Key.Partition, o.Value)));
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException($"the broker refused to write the offsets of group '{config.GroupId}': {e.Error.Reason}", e);
        }
        finally
        {
            consumer.Close();
        }
    }
}
