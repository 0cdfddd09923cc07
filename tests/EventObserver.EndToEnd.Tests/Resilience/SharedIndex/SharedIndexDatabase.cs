using System.Globalization;

using Npgsql;

namespace EventObserver.EndToEnd.Tests.Resilience.SharedIndex;

/// <summary>
/// The observers' shared index read straight from PostgreSQL, beside the apps: what is really stored (not what an app
/// says it stored), and who owns which partition at which epoch. Before the first observer has created the schema every
/// read answers empty.
/// </summary>
internal sealed class SharedIndexDatabase(string connectionString, string topic)
{
    /// <summary>The app's default <c>EventObserver:Storage:Schema</c>.</summary>
    private const string Schema = "eventobserver";

    public long CountEvents() => Scalar($"SELECT count(*) FROM {Schema}.events WHERE topic = $1");

    /// <summary>What an exactness check needs, in one look.</summary>
    public IndexAudit Audit()
    {
        var partitions = new Dictionary<int, PartitionRows>();
        Read(
            $"""SELECT partition, count(*), count(DISTINCT "offset"), min("offset"), max("offset") FROM {Schema}.events WHERE topic = $1 GROUP BY partition""",
            reader => partitions[reader.GetInt32(0)] = new PartitionRows(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));

        // Every produced message has a payload of its own ({"n":i}): distinct payloads count messages, not positions.
        // A JSON payload is kept as text (payload_text) when it is valid UTF-8, else as bytes (payload).
        var distinctPayloads = Scalar($"SELECT count(DISTINCT coalesce(payload, convert_to(payload_text, 'UTF8'))) FROM {Schema}.events WHERE topic = $1");
        return new IndexAudit(partitions.Values.Sum(p => p.Rows), distinctPayloads, partitions, Checkpoints());
    }

    /// <summary>The current owner of each partition that was ever claimed.</summary>
    public IReadOnlyList<PartitionOwner> Owners()
    {
        var owners = new List<PartitionOwner>();
        Read(
            $"SELECT partition, epoch, owner FROM {Schema}.partition_owners WHERE topic = $1 ORDER BY partition",
            reader => owners.Add(new PartitionOwner(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2))));
        return owners;
    }

    /// <summary>The next offset to index per partition, as committed with the events.</summary>
    public IReadOnlyDictionary<int, long> Checkpoints()
    {
        var checkpoints = new Dictionary<int, long>();
        Read(
            $"SELECT partition, next_offset FROM {Schema}.checkpoints WHERE topic = $1",
            reader => checkpoints[reader.GetInt32(0)] = reader.GetInt64(1));
        return checkpoints;
    }

    /// <summary>
    /// The database's sessions that are not idle (state, what they wait for, their statement's start), for the test
    /// output: shows whether a frozen observer holds a transaction open and who waits behind it.
    /// </summary>
    public string ActiveSessions()
    {
        var sessions = new List<string>();
        Read(
            """
            SELECT coalesce(state, '?'), coalesce(wait_event_type || ':' || wait_event, '-'), left(regexp_replace(query, '\s+', ' ', 'g'), 50)
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
            """,
            reader => sessions.Add($"[{reader.GetString(0)} {reader.GetString(1)}] {reader.GetString(2)}"),
            byTopic: false);
        return string.Join("; ", sessions);
    }

    private long Scalar(string sql)
    {
        long value = 0;
        Read(sql, reader => value = reader.GetInt64(0));
        return value;
    }

    private void Read(string sql, Action<NpgsqlDataReader> row, bool byTopic = true)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            if (byTopic)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = topic });
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            // No observer has migrated the schema yet: nothing is stored.
        }
    }
}

/// <summary>One partition's rows in the index.</summary>
internal sealed record PartitionRows(long Rows, long DistinctOffsets, long FirstOffset, long LastOffset);

internal sealed record IndexAudit(long Rows, long DistinctPayloads, IReadOnlyDictionary<int, PartitionRows> Partitions, IReadOnlyDictionary<int, long> Checkpoints)
{
    public long DuplicatedPositions => Partitions.Values.Sum(p => p.Rows - p.DistinctOffsets);

    public override string ToString() =>
        $"{Rows} rows, {DistinctPayloads} distinct messages, {DuplicatedPositions} duplicated positions; "
        + string.Join(", ", Partitions.OrderBy(p => p.Key).Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"p{p.Key}: {p.Value.Rows} rows {p.Value.FirstOffset}..{p.Value.LastOffset} checkpoint {Checkpoints.GetValueOrDefault(p.Key, -1)}")));
}

/// <summary>A row of <c>partition_owners</c>; the owner id is <c>machine:pid:random</c>.</summary>
internal sealed record PartitionOwner(int Partition, long Epoch, string Owner)
{
    public int Pid => int.Parse(Owner.Split(':')[^2], CultureInfo.InvariantCulture);
}
