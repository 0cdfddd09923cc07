using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Rows;
using EventObserver.Storage.Postgres.Selection;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Reads a range oldest first, as the LiteDB index does: each partition in offset order (keyset pages over the
/// <c>(topic, partition, offset)</c> index, one short query per page, so no transaction or cursor stays open while the
/// caller works), partitions merged by their next event's timestamp, then topic, partition and offset. Holds one page
/// per partition; rows deleted by retention meanwhile are simply not found.
/// </summary>
internal static class RangeMerge
{
    /// <summary>Rows held at most over all partitions (pages shrink when many partitions are read).</summary>
    private const int HeldRows = 20_000;

    public static IEnumerable<EventEnvelope> Read(PostgresEventIndex index, EventRange range, List<(TopicPartitionKey Key, long End)> partitions)
    {
        if (partitions.Count == 0)
        {
            yield break;
        }

        var page = Math.Clamp(HeldRows / partitions.Count, 20, PostgresEventIndex.ScanPage);
        var queue = new PriorityQueue<Cursor, Cursor>(Comparer<Cursor>.Create(static (a, b) => Compare(a.Head!, b.Head!)));
        foreach (var (key, end) in partitions)
        {
            var cursor = new Cursor(index, range, key, end, page);
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, cursor);
            }
        }

        while (queue.TryDequeue(out var cursor, out _))
        {
            yield return cursor.Head!;
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, cursor);
            }
        }
    }

    private static int Compare(EventEnvelope a, EventEnvelope b) =>
        EventTimeOrder.Compare(a.TimestampMs, a.Topic, a.Partition, a.Offset, b.TimestampMs, b.Topic, b.Partition, b.Offset);

    /// <summary>One partition's matching events in offset order, a page at a time.</summary>
    private sealed class Cursor(PostgresEventIndex index, EventRange range, TopicPartitionKey key, long end, int page)
    {
        private readonly Queue<EventEnvelope> _buffered = new();
        private long _after = -1;
        private bool _exhausted;

        public EventEnvelope? Head { get; private set; }

        public bool MoveNext()
        {
            while (_buffered.Count == 0 && !_exhausted)
            {
                Fill();
            }

            Head = _buffered.Count > 0 ? _buffered.Dequeue() : null;
            return Head is not null;
        }

        private void Fill()
        {
            var filter = SqlFilter.For(range.Selection, topicsAndRanges: false);
            filter.Add($"topic = {filter.Parameter(key.Topic)}");
            filter.Add($"partition = {filter.Parameter(key.Partition)}");
            filter.Add($"\"offset\" > {filter.Parameter(_after)}");
            if (end != long.MaxValue)
            {
                filter.Add($"\"offset\" < {filter.Parameter(end)}");
            }

            filter.AddOffsetsWithin(range.Selection.Ranges.Where(r => r.IsOf(key.Topic, key.Partition)).ToList());

            using var connection = index.OpenConnection();
            using var command = new NpgsqlCommand(
                $"SELECT {EventRows.Columns} FROM events WHERE {filter.Where} ORDER BY \"offset\" LIMIT {page}", connection);
            filter.CopyTo(command);
            var rows = PostgresEventIndex.ReadAll(command);
            _exhausted = rows.Count < page;
            if (rows.Count > 0)
            {
                _after = rows[^1].Offset;
            }

            // The parts no index answers (source, header, the exact text) are checked here.
            foreach (var e in rows)
            {
                if (range.Selection.Matches(e))
                {
                    _buffered.Enqueue(e);
                }
            }
        }
    }
}
