using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Keeps a claim from waiting forever on a previous owner that stopped inside its write transaction (a frozen VM, a
/// stopped process): that transaction holds the owner rows, and PostgreSQL neither cancels a COPY waiting for client
/// data nor ends the session of a process that is merely paused. While the claim waits longer than
/// <see cref="StuckAfter"/>, the observer sessions blocking it whose transactions are older than that are terminated.
/// Their writes are lost to them only: the previous owner's batch was not committed, so the new owner reads it again,
/// and when the previous owner wakes its commit fails and its retry is refused by the epoch.
/// </summary>
internal sealed class StuckOwnerWatchdog : IDisposable
{
    /// <summary>A write transaction takes milliseconds; one holding a claim up this long is not coming back soon.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(3);

    private const string TerminateStuck = """
        SELECT a.pid, pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.pid = ANY (pg_blocking_pids($1)) AND a.application_name = $2 AND a.xact_start < now() - make_interval(secs => $3)
        """;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StuckOwnerWatchdog(PostgresEventIndex index, int claimingPid) =>
        _loop = Task.Run(() => WatchAsync(index, claimingPid, _stop.Token));

    /// <summary>Sessions terminated so far (for the log and tests).</summary>
    public int Terminated { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The claim finished.
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(PostgresEventIndex index, int claimingPid, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(StuckAfter, cancellationToken);
            try
            {
                await using var connection = index.OpenConnection();
                await using var command = new NpgsqlCommand(TerminateStuck, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = claimingPid });
                command.Parameters.Add(new NpgsqlParameter { Value = index.ApplicationName });
                command.Parameters.Add(new NpgsqlParameter { Value = StuckAfter.TotalSeconds });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    Terminated++;
                    index.OnStuckOwnerTerminated(reader.GetInt32(0));
                }
            }
            catch (NpgsqlException)
            {
                // The claim itself reports a server that went away; the next round tries again.
            }
            catch (ObjectDisposedException)
            {
                // The index was closed under the claim, which fails on its own.
                return;
            }
        }
    }
}
