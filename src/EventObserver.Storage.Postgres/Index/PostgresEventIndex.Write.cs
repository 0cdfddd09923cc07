using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Rows;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Writes: events (binary COPY), checkpoints and retention gaps in one transaction, fenced by partition ownership once
/// this instance claims partitions, and announced to the other observers on commit.
/// </summary>
public sealed partial class PostgresEventIndex
{
    /// <summary>Retention gaps kept at most; the oldest go first.</summary>
    public const int MaxKeptGaps = 10_000;

    private const string UpsertCheckpoints = """
        INSERT INTO checkpoints AS c (topic, partition, next_offset, event_count, oldest_offset, newest_offset, oldest_ms, newest_ms)
        SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
        ON CONFLICT (topic, partition) DO UPDATE SET
            next_offset = GREATEST(c.next_offset, excluded.next_offset),
            event_count = c.event_count + excluded.event_count,
            oldest_offset = LEAST(c.oldest_offset, excluded.oldest_offset),
            newest_offset = GREATEST(c.newest_offset, excluded.newest_offset),
            oldest_ms = LEAST(c.oldest_ms, excluded.oldest_ms),
            newest_ms = GREATEST(c.newest_ms, excluded.newest_ms)
        """;

    private const string InsertGaps = """
        INSERT INTO retention_gaps (topic, partition, first_offset, last_offset, detected_ms)
        SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[])
        ON CONFLICT (topic, partition, first_offset) DO NOTHING
        """;

    public int Write(IReadOnlyList<EventEnvelope> batch) => Write(batch, []);

    public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(gaps);
        if (batch.Count == 0 && gaps.Count == 0)
        {
            return 0;
        }

        lock (_writeLock)
        {
            var groups = PartitionWrite.GroupByPartition(batch);
            _days.EnsureFor(groups.Values.SelectMany(g => g).Select(e => e.TimestampMs), _time.GetUtcNow());
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var keys = groups.Keys.Union(gaps.Select(g => new TopicPartitionKey(g.Topic, g.Partition))).ToList();
            CheckOwnership(connection, transaction, keys);
            var plan = BatchPlan.Create(groups, gaps, LockCheckpoints(connection, keys));
            if (plan.Checkpoints.Count == 0)
            {
                return 0;
            }

            if (plan.Events.Count > 0)
            {
                using var importer = connection.BeginBinaryImport(EventRows.Copy);
                foreach (var e in plan.Events)
                {
                    EventRows.Write(importer, e);
                }

                importer.Complete();
            }

            SaveCheckpoints(connection, plan.Checkpoints);
            if (plan.Gaps.Count > 0)
            {
                SaveGaps(connection, plan.Gaps);
            }

            if (plan.Events.Count > 0)
            {
                Announce(connection, plan.Events);
            }

            BeforeCommit?.Invoke();
            transaction.Commit();
            return plan.Events.Count;
        }
    }

    /// <summary>
    /// The checkpoints of the batch's partitions, locked until commit: the database, not this instance, knows what is
    /// indexed (another observer may have written since).
    /// </summary>
    private static Dictionary<TopicPartitionKey, long> LockCheckpoints(NpgsqlConnection connection, List<TopicPartitionKey> keys)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT c.topic, c.partition, c.next_offset FROM checkpoints c
            JOIN unnest($1::text[], $2::integer[]) AS k(topic, partition) ON c.topic = k.topic AND c.partition = k.partition
            ORDER BY c.topic, c.partition
            FOR UPDATE OF c
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Topic).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Partition).ToArray() });
        var checkpoints = new Dictionary<TopicPartitionKey, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            checkpoints[new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }

        return checkpoints;
    }

    private static void SaveCheckpoints(NpgsqlConnection connection, List<CheckpointChange> changes)
    {
        using var command = new NpgsqlCommand(UpsertCheckpoints, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Key.Topic).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Key.Partition).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.NextOffset).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Added).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.OldestOffset).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.NewestOffset).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.OldestMs).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.NewestMs).ToArray() });
        command.ExecuteNonQuery();
    }

    private static void SaveGaps(NpgsqlConnection connection, List<RetentionGap> gaps)
    {
        using var command = new NpgsqlCommand(InsertGaps, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = gaps.Select(g => g.Topic).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = gaps.Select(g => g.Partition).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = gaps.Select(g => g.FirstOffset).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = gaps.Select(g => g.LastOffset).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = gaps.Select(g => g.DetectedAt.ToUnixTimeMilliseconds()).ToArray() });
        command.ExecuteNonQuery();
    }
}
