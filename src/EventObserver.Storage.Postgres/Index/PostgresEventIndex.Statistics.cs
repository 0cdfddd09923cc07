using EventObserver.Core.Indexing;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Figures from the small tables only (checkpoints carry each partition's count, offsets and times; gaps are capped at
/// <see cref="MaxKeptGaps"/>), so they are cheap to ask often and true for every observer sharing the schema.
/// </summary>
public sealed partial class PostgresEventIndex
{
    private const string TopicsSql =
        "SELECT topic, count(*)::integer, sum(event_count)::bigint, max(newest_ms) FROM checkpoints GROUP BY topic";

    private const string GapsSql =
        "SELECT topic, count(*)::bigint, sum(last_offset - first_offset + 1)::bigint FROM retention_gaps GROUP BY topic";

    // Tables with their indexes and TOAST: what the index takes on the server's disk.
    private const string SizeSql = """
        SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'
        """;

    public IndexStatistics GetStatistics()
    {
        var topics = new Dictionary<string, TopicIndexStatistics>(StringComparer.Ordinal);
        long total = 0, gaps = 0, lost = 0;
        using var connection = OpenConnection();
        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TopicsSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(GapsSql));
        var size = new NpgsqlBatchCommand(SizeSql);
        size.Parameters.Add(new NpgsqlParameter { Value = Schema });
        batch.BatchCommands.Add(size);
        using var reader = batch.ExecuteReader();
        while (reader.Read())
        {
            var count = reader.GetInt64(2);
            DateTimeOffset? last = count > 0 && !reader.IsDBNull(3) ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)) : null;
            topics[reader.GetString(0)] = new TopicIndexStatistics(reader.GetString(0), count, last, reader.GetInt32(1));
            total += count;
        }

        reader.NextResult();
        while (reader.Read())
        {
            var topic = reader.GetString(0);
            var topicLost = reader.GetInt64(2);
            gaps += reader.GetInt64(1);
            lost += topicLost;
            topics[topic] = topics.TryGetValue(topic, out var known)
                ? known with { LostToRetention = topicLost }
                : new TopicIndexStatistics(topic, 0, null, 0, topicLost);
        }

        reader.NextResult();
        reader.Read();
        return new IndexStatistics(total, reader.GetInt64(0), topics, gaps, lost);
    }

    public IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue)
    {
        var gaps = new List<RetentionGap>();
        if (limit <= 0)
        {
            return gaps;
        }

        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            """
            SELECT topic, partition, first_offset, last_offset, detected_ms FROM retention_gaps
            WHERE $1::text IS NULL OR topic = $1 ORDER BY detected_ms DESC, seq DESC LIMIT $2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)topic ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            gaps.Add(new RetentionGap(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return gaps;
    }

    public IReadOnlyList<PartitionIndexRange> GetPartitionRanges(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var ranges = new List<PartitionIndexRange>();
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            """
            SELECT partition, oldest_offset, newest_offset, event_count, oldest_ms, newest_ms FROM checkpoints
            WHERE topic = $1 AND event_count > 0 ORDER BY partition
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = topic });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ranges.Add(new PartitionIndexRange(
                reader.GetInt32(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return ranges;
    }
}
