using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Postgres.Rows;
using EventObserver.Storage.Postgres.Selection;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>Reads: newest-first queries, oldest-first streamed ranges, exact counts.</summary>
public sealed partial class PostgresEventIndex
{
    /// <summary>Rows fetched per round trip when rows are checked in .NET (source, header, free text).</summary>
    internal const int ScanPage = 500;

    private const string NewestFirstOrder = "ORDER BY timestamp_ms DESC, topic, partition DESC, \"offset\" DESC";

    public IReadOnlyList<EventEnvelope> Query(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var limit = selection.Limit is > 0 and var asked ? (int)Math.Min(asked, EventSelection.MaxLimit) : EventSelection.DefaultLimit;
        var results = new List<EventEnvelope>();
        EventEnvelope? last = null;
        while (results.Count < limit)
        {
            // SQL answers the indexed parts; every row is confirmed in .NET (source, header and text exactly).
            var filter = SqlFilter.For(selection);
            if (last is not null)
            {
                filter.Add(After(filter, last));
            }

            var page = selection.NeedsScan ? ScanPage : limit - results.Count;
            using var connection = OpenConnection();
            using var command = new NpgsqlCommand($"SELECT {EventRows.Columns} FROM events WHERE {filter.Where} {NewestFirstOrder} LIMIT {page}", connection);
            filter.CopyTo(command);
            var rows = ReadAll(command);
            foreach (var e in rows)
            {
                if (results.Count < limit && selection.Matches(e))
                {
                    results.Add(e);
                }
            }

            if (rows.Count < page)
            {
                break;
            }

            last = rows[^1];
        }

        return results;
    }

    public IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return RangeMerge.Read(this, range, PartitionsOf(range));
    }

    public long Count(EventRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var selection = range.Selection;
        if (selection.NeedsScan)
        {
            return ReadOldestFirst(range).LongCount();
        }

        var filter = SqlFilter.For(selection);
        var from = "events";
        if (range.EndOffsets is { } ends)
        {
            var list = ends.ToList();
            from = $"events JOIN unnest({filter.Parameter(list.Select(e => e.Key.Topic).ToArray())}::text[], "
                + $"{filter.Parameter(list.Select(e => e.Key.Partition).ToArray())}::integer[], "
                + $"{filter.Parameter(list.Select(e => e.Value).ToArray())}::bigint[]) AS ends(t, p, n) "
                + "ON topic = ends.t AND partition = ends.p AND \"offset\" < ends.n";
        }

        using var connection = OpenConnection();
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {from} WHERE {filter.Where}", connection);
        filter.CopyTo(command);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The partitions a range may read (indexed events, named by its topics, ranges and end offsets), with their end.</summary>
    private List<(TopicPartitionKey Key, long End)> PartitionsOf(EventRange range)
    {
        var selection = range.Selection;
        var partitions = new List<(TopicPartitionKey, long)>();
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand("SELECT topic, partition FROM checkpoints WHERE event_count > 0", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1));
            if (selection.Topics.Count > 0 && !selection.Topics.Contains(key.Topic, StringComparer.Ordinal))
            {
                continue;
            }

            if (selection.Ranges.Count > 0 && !selection.Ranges.Any(r => r.IsOf(key.Topic, key.Partition)))
            {
                continue;
            }

            var end = long.MaxValue;
            if (range.EndOffsets is { } ends && !ends.TryGetValue(key, out end))
            {
                continue;
            }

            partitions.Add((key, end));
        }

        return partitions;
    }

    /// <summary>Keyset condition: rows after <paramref name="last"/> in newest-first order.</summary>
    private static string After(SqlFilter filter, EventEnvelope last)
    {
        var t = filter.Parameter(last.TimestampMs);
        var topic = filter.Parameter(last.Topic);
        var p = filter.Parameter(last.Partition);
        var o = filter.Parameter(last.Offset);
        return $"(timestamp_ms < {t} OR (timestamp_ms = {t} AND (topic > {topic} OR (topic = {topic} AND (partition < {p} OR (partition = {p} AND \"offset\" < {o}))))))";
    }
}
