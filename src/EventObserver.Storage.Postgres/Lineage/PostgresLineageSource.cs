using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Storage.Postgres.Index;
using EventObserver.Storage.Postgres.Rows;

namespace EventObserver.Storage.Postgres.Lineage;

/// <summary>
/// Answers <see cref="ILineageSource"/> from a <see cref="PostgresEventIndex"/> through its B-tree indexes (message,
/// causation and correlation id; a dead letter's original position). Lists are oldest first (timestamp, topic,
/// partition, offset) and hold at most <c>limit</c> events; counts are exact. Same answers as the LiteDB index's source.
/// </summary>
public sealed class PostgresLineageSource : ILineageSource
{
    private const string OldestFirst = "ORDER BY timestamp_ms, topic, partition, \"offset\"";

    private readonly PostgresEventIndex _index;

    public PostgresLineageSource(PostgresEventIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
    }

    public EventEnvelope? Get(EventPosition position) =>
        position.Topic is null ? null : _index.Get(position.Topic, position.Partition, position.Offset);

    public IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit) => Find("message_id", messageId, limit);

    public IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit) => Find("causation_id", causationId, limit);

    public int CountByCausationId(string causationId) => Count("causation_id", causationId);

    public IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit) => Find("correlation_id", correlationId, limit);

    public int CountByCorrelationId(string correlationId) => Count("correlation_id", correlationId);

    public IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit) =>
        original.Topic is null || limit <= 0
            ? []
            : _index.ReadEvents(
                $"""
                SELECT {EventRows.Columns} FROM events
                WHERE dead_letter_topic = $1 AND dead_letter_partition = $2 AND dead_letter_offset = $3 {OldestFirst} LIMIT $4
                """,
                [ExactStrings.ForColumn(original.Topic)!, original.Partition, original.Offset, limit]);

    private List<EventEnvelope> Find(string column, string id, int limit) =>
        string.IsNullOrEmpty(id) || limit <= 0
            ? []
            : _index.ReadEvents($"SELECT {EventRows.Columns} FROM events WHERE {LookupColumns.Equal(column, "$1")} {OldestFirst} LIMIT $2", [ExactStrings.ForColumn(id)!, limit]);

    private int Count(string column, string id) =>
        string.IsNullOrEmpty(id) ? 0 : (int)_index.ScalarLong($"SELECT count(*) FROM events WHERE {LookupColumns.Equal(column, "$1")}", ExactStrings.ForColumn(id)!);
}
