using System.Globalization;

using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Schema;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Retention: whole days are dropped (cheap: no row is deleted one by one), then the rows the limits still cut from
/// the boundary day and the default partition are deleted. Each step updates the partitions' figures in its own
/// transaction; checkpoints stay, so nothing is ingested again.
/// </summary>
public sealed partial class PostgresEventIndex
{
    /// <summary>Rows deleted per statement when trimming to a count.</summary>
    private const int DeleteBatch = 50_000;

    private const string DefaultPartition = "events_default";

    // Deletes the chosen rows (the statement names the events table "e") and takes their number off their partitions' counts, in one statement.
    private const string DeleteAndCount = """
        WITH gone AS ({0} RETURNING e.topic, e.partition),
        counted AS (SELECT topic, partition, count(*) AS n FROM gone GROUP BY topic, partition),
        updated AS (UPDATE checkpoints c SET event_count = c.event_count - counted.n FROM counted
                    WHERE c.topic = counted.topic AND c.partition = counted.partition)
        SELECT topic, partition, n FROM counted
        """;

    /// <summary>
    /// Applies <paramref name="policy"/>, then (outside the write lock: it takes a while and writers go on) builds the
    /// free-text index of the days that ended (<see cref="DailyPartitions.IndexClosedDays"/>).
    /// </summary>
    public long ApplyRetention(RetentionPolicy policy, DateTimeOffset now)
    {
        var deleted = ApplyLimits(policy, now);
        _days.IndexClosedDays(now);
        return deleted;
    }

    private long ApplyLimits(RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_writeLock)
        {
            long deleted = 0;
            var touched = new HashSet<TopicPartitionKey>();
            if (policy.MaxAge is { } age)
            {
                var cutoff = (now - age).ToUnixTimeMilliseconds();
                foreach (var day in _days.List().Where(d => (d + 1) * DailyPartitions.DayMs <= cutoff))
                {
                    deleted += DropDay(day, touched);
                }

                // Through the (topic, timestamp_ms) index, topic by topic: the boundary day is not scanned every minute.
                deleted += Delete(
                    Invariant($"DELETE FROM events e USING (SELECT DISTINCT topic FROM checkpoints) t WHERE e.topic = t.topic AND e.timestamp_ms < {cutoff}"),
                    touched);
            }

            if (policy.MaxEvents is > 0 and var maxEvents)
            {
                deleted += TrimTo(maxEvents, touched);
            }

            RefreshBounds(touched);
            PruneGaps(policy.MaxAge is { } kept ? (now - kept).ToUnixTimeMilliseconds() : long.MinValue);
            _days.CreateAhead(now);
            return deleted;
        }
    }

    /// <summary>Deletes the oldest events until at most <paramref name="maxEvents"/> remain: older default rows, then day by day.</summary>
    private long TrimTo(long maxEvents, HashSet<TopicPartitionKey> touched)
    {
        var excess = ScalarLong("SELECT coalesce(sum(event_count), 0) FROM checkpoints") - maxEvents;
        long deleted = 0;
        foreach (var day in _days.List())
        {
            if (excess <= 0)
            {
                return deleted;
            }

            // Rows in the default partition older than this day come first (timestamps outside the created days).
            var early = DeleteOldest(DefaultPartition, Invariant($"timestamp_ms < {day * DailyPartitions.DayMs}"), excess, touched);
            excess -= early;
            deleted += early;
            var inDay = ScalarLong($"SELECT count(*) FROM {DailyPartitions.NameOf(day)}");
            var gone = inDay <= excess ? DropDay(day, touched) : DeleteOldest(DailyPartitions.NameOf(day), "TRUE", excess, touched);
            excess -= gone;
            deleted += gone;
        }

        return excess > 0 ? deleted + DeleteOldest(DefaultPartition, "TRUE", excess, touched) : deleted;
    }

    private long DeleteOldest(string table, string condition, long count, HashSet<TopicPartitionKey> touched)
    {
        long deleted = 0;
        while (deleted < count)
        {
            var take = Math.Min(DeleteBatch, count - deleted);
            var gone = Delete(
                Invariant($"""
                DELETE FROM {table} e USING (SELECT topic, partition, "offset", timestamp_ms FROM {table} WHERE {condition}
                    ORDER BY timestamp_ms, topic, partition, "offset" LIMIT {take}) v
                WHERE e.topic = v.topic AND e.partition = v.partition AND e."offset" = v."offset" AND e.timestamp_ms = v.timestamp_ms
                """),
                touched);
            deleted += gone;
            if (gone < take)
            {
                break;
            }
        }

        return deleted;
    }

    private long Delete(string deleteSql, HashSet<TopicPartitionKey> touched)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, DeleteAndCount, deleteSql), connection);
        return ReadCounts(command, touched);
    }

    /// <summary>Drops a whole day: its rows are counted off their partitions in the same transaction.</summary>
    private long DropDay(long day, HashSet<TopicPartitionKey> touched)
    {
        var table = DailyPartitions.NameOf(day);
        long dropped;
        using (var connection = OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            using (var count = new NpgsqlCommand(
                $"""
                WITH counted AS (SELECT topic, partition, count(*) AS n FROM {table} GROUP BY topic, partition),
                updated AS (UPDATE checkpoints c SET event_count = c.event_count - counted.n FROM counted
                            WHERE c.topic = counted.topic AND c.partition = counted.partition)
                SELECT topic, partition, n FROM counted
                """,
                connection))
            {
                dropped = ReadCounts(count, touched);
            }

            using (var drop = new NpgsqlCommand($"DROP TABLE {table}", connection))
            {
                drop.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _days.Forget(day);
        return dropped;
    }

    private static long ReadCounts(NpgsqlCommand command, HashSet<TopicPartitionKey> touched)
    {
        long total = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            touched.Add(new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1)));
            total += reader.GetInt64(2);
        }

        return total;
    }

    /// <summary>The oldest and newest offsets and times of partitions that lost events (index lookups, no scan).</summary>
    private void RefreshBounds(HashSet<TopicPartitionKey> touched)
    {
        if (touched.Count == 0)
        {
            return;
        }

        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            """
            UPDATE checkpoints c SET
                oldest_offset = (SELECT min("offset") FROM events e WHERE e.topic = c.topic AND e.partition = c.partition),
                newest_offset = (SELECT max("offset") FROM events e WHERE e.topic = c.topic AND e.partition = c.partition),
                oldest_ms = (SELECT min(timestamp_ms) FROM events e WHERE e.topic = c.topic AND e.partition = c.partition),
                newest_ms = (SELECT max(timestamp_ms) FROM events e WHERE e.topic = c.topic AND e.partition = c.partition)
            FROM unnest($1::text[], $2::integer[]) AS k(topic, partition)
            WHERE c.topic = k.topic AND c.partition = k.partition
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = touched.Select(k => k.Topic).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = touched.Select(k => k.Partition).ToArray() });
        command.ExecuteNonQuery();
    }

    // Gaps age out with the events around them, and an overload that lasts for days cannot grow the record without bound.
    private void PruneGaps(long cutoffMs)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            $"""
            DELETE FROM retention_gaps WHERE detected_ms < $1
                OR seq IN (SELECT seq FROM retention_gaps ORDER BY detected_ms DESC, seq DESC OFFSET {MaxKeptGaps})
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoffMs });
        command.ExecuteNonQuery();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
