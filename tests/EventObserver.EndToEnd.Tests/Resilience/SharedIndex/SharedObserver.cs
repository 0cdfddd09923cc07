using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

using EventObserver.TestSupport;

namespace EventObserver.EndToEnd.Tests.Resilience.SharedIndex;

/// <summary>
/// One observer process of a shared PostgreSQL index, with the ingestion log lines the tests reason about (assignments,
/// claims, releases, refused writes) kept from its first line: <see cref="AppProcess.Output"/> keeps only the tail.
/// </summary>
internal sealed class SharedObserver : IAsyncDisposable
{
    /// <summary>Kafka gave the observer partitions (logged before it claims them in the index).</summary>
    public const string Assigned = "Assigned ";

    /// <summary>The observer took partitions over in the index (their owner epochs went up).</summary>
    public const string Claimed = "Claimed ";

    /// <summary>The index refused a write of partitions another observer claimed since (PartitionFencedException).</summary>
    public const string Refused = "Refused: another observer owns";

    /// <summary>A claim ended the session of a previous owner stuck in its write transaction (a frozen observer).</summary>
    public const string EndedStuckOwner = "Terminated database session";

    private static readonly string[] s_kept = [Assigned, Claimed, "Released ", Refused, EndedStuckOwner];

    private readonly ConcurrentQueue<string> _lines;

    private SharedObserver(AppProcess app, ConcurrentQueue<string> lines)
    {
        App = app;
        _lines = lines;
    }

    public AppProcess App { get; }

    /// <summary>The OS process id: the owner ids in <c>partition_owners</c> carry it (machine:pid:random).</summary>
    public int Pid => App.Id;

    public static async Task<SharedObserver> StartAsync(string bootstrapServers, string storagePath, IReadOnlyDictionary<string, string> environment)
    {
        var lines = new ConcurrentQueue<string>();
        var app = await AppProcess.StartAsync(bootstrapServers, storagePath, environment, onOutputLine: line =>
        {
            if (s_kept.Any(marker => line.Contains(marker, StringComparison.Ordinal)))
            {
                lines.Enqueue(line.Trim());
            }
        });
        return new SharedObserver(app, lines);
    }

    /// <summary>
    /// How many times Kafka gave this observer partitions so far. Cooperative rebalances also log "Assigned 0 partitions"
    /// to members that gain nothing: those do not count.
    /// </summary>
    public int Assignments => _lines.Count(line => line.StartsWith(Assigned, StringComparison.Ordinal) && !line.StartsWith(Assigned + "0 ", StringComparison.Ordinal));

    /// <summary>How many kept log lines contain <paramref name="marker"/> so far.</summary>
    public int Count(string marker) => _lines.Count(line => line.Contains(marker, StringComparison.Ordinal));

    /// <summary>The kept log lines, for failure messages and the test output.</summary>
    public string Log => string.Join('\n', _lines);

    /// <summary>SIGSTOP: the whole process freezes (a long GC pause, a frozen VM): no heartbeats, no writes, sockets stay open.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT: the frozen process carries on exactly where it stopped, unaware of the time that passed.</summary>
    public void Resume() => Signal("CONT");

    public void Kill() => App.Kill();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill")
        {
            ArgumentList = { "-" + signal, Pid.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("/bin/kill did not start");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Pid} exited with {kill.ExitCode}");
        }
    }
}
