using EventObserver.Core.Envelopes;
using EventObserver.Storage.Postgres.Rows;
using EventObserver.Storage.Postgres.Schema;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Commits announce themselves with <c>NOTIFY</c> (sent by PostgreSQL only when the transaction commits), and every
/// observer on the schema listens: what another observer committed reaches this one's live feed, read back from the
/// index, within a round trip or two.
/// </summary>
public sealed partial class PostgresEventIndex
{
    /// <summary>The notification channel of this schema (a schema name has at most 41 characters: it fits 63).</summary>
    internal string Channel => "eo_commits_" + Schema;

    /// <summary>Inside the write transaction: announces the newly stored <paramref name="events"/>.</summary>
    private void Announce(NpgsqlConnection connection, List<EventEnvelope> events)
    {
        foreach (var payload in CommitNotice.Payloads(ObserverId, events))
        {
            using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> fires and hands <paramref name="onBatch"/> every batch the
    /// OTHER observers on this schema commit, read from the index in offset order per partition. Throws when the
    /// connection fails (the caller reconnects; what was committed meanwhile is in the index, not in the feed).
    /// </summary>
    /// <param name="onListening">Called once the LISTEN is in place (tests wait for it).</param>
    public async Task ListenAsync(Action<IReadOnlyList<EventEnvelope>> onBatch, Action? onListening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onBatch);
        var notices = new Queue<string>();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) => notices.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {SchemaMigrator.Quote(Channel)}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        onListening?.Invoke();
        while (true)
        {
            // Notifications are raised on this thread during WaitAsync, so the queue needs no lock.
            await connection.WaitAsync(cancellationToken);
            while (notices.TryDequeue(out var payload))
            {
                if (CommitNotice.Parse(payload) is not { } notice || notice.ObserverId == ObserverId)
                {
                    continue;
                }

                var batch = new List<EventEnvelope>();
                foreach (var range in notice.Ranges)
                {
                    batch.AddRange(ReadEvents(
                        $"SELECT {EventRows.Columns} FROM events WHERE topic = $1 AND partition = $2 AND \"offset\" BETWEEN $3 AND $4 ORDER BY \"offset\"",
                        [range.Key.Topic, range.Key.Partition, range.First, range.Last]));
                }

                if (batch.Count > 0)
                {
                    onBatch(batch);
                }
            }
        }
    }
}
