using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Npgsql;

namespace EventObserver.TestSupport.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: <c>initdb</c> into a temp folder, started on a free loopback port with
/// durability off (fsync, full pages, synchronous commit: a test never survives a crash anyway), stopped with
/// <c>-m immediate</c> and deleted on dispose or at process exit. Run as root, the binaries run as the <c>postgres</c>
/// OS user (PostgreSQL refuses root). Each test takes a fresh database from <see cref="CreateDatabaseAsync"/>, so one
/// server serves a whole test assembly (<see cref="Shared"/>) and tests stay parallel-safe. Also linked into
/// Storage.Tests (which has no TestSupport reference).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly Lazy<PostgresServer> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asServiceUser;
    private int _stopped;

    private PostgresServer(string bin, string root, int port, bool asServiceUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asServiceUser = asServiceUser;
        AdminConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>Why Postgres tests cannot run here; null when the binaries exist.</summary>
    public static string? SkipReason { get; } = FindBinaries() is null
        ? "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        : null;

    /// <summary>One server for the whole test process, started on first use and removed at process exit.</summary>
    public static PostgresServer Shared => s_shared.Value;

    public int Port { get; }

    /// <summary>The <c>postgres</c> database as superuser <c>postgres</c> (trust authentication, no password).</summary>
    public string AdminConnectionString { get; }

    /// <summary>Starts a new cluster (about a second or two: most of it is <c>initdb</c>).</summary>
    public static PostgresServer Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(SkipReason);
        var asServiceUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "eo-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(bin, root, FreePort(), asServiceUser);
        try
        {
            if (asServiceUser)
            {
                Run("chown", ServiceUser, root);
            }

            server.RunPg("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync");
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
            server.RunPg("pg_ctl", "-D", server.DataDirectory, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            server.StartReaper();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Synchronous <see cref="CreateDatabaseAsync"/>, for constructors.</summary>
    public string CreateDatabase() => CreateDatabaseAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/> (closing what is still connected), so a long test run
    /// does not pile up a copy of the template per test.
    /// </summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (Volatile.Read(ref _stopped) == 1 || name is null || !name.StartsWith("t_", StringComparison.Ordinal))
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                RunPg("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder goes all the same.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test run.
        }
    }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>
    /// A detached shell that stops the server and deletes its folder once this process is gone, however it ended: the
    /// test host is often killed right after the run (or on a hang), before or during <see cref="Dispose"/>, which would
    /// leave a running server and its folder behind. Detached (<c>setsid</c>), so killing the test process tree spares it.
    /// </summary>
    private void StartReaper()
    {
        var stop = _asServiceUser ? $"runuser -u {ServiceUser} -- " : string.Empty;
        var script = string.Create(
            CultureInfo.InvariantCulture,
            $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; "
            + $"if [ -f '{DataDirectory}/postmaster.pid' ]; then {stop}'{Path.Combine(_bin, "pg_ctl")}' -D '{DataDirectory}' -m immediate -w stop; fi; "
            + $"rm -rf '{_root}'");
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Its output goes nowhere at once (exec above), so no pipe of ours is held open while it waits.
        foreach (var argument in (string[])["-f", "/bin/sh", "-c", script])
        {
            start.ArgumentList.Add(argument);
        }

        using var reaper = Process.Start(start);
        reaper?.WaitForExit();
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 20,
    }.ConnectionString;

    private void RunPg(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asServiceUser)
        {
            Run("runuser", ["-u", ServiceUser, "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }

    /// <summary>The newest installed version's bin folder holding initdb and pg_ctl.</summary>
    private static string? FindBinaries()
    {
        const string versions = "/usr/lib/postgresql";
        if (!Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
