using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventObserver.TestSupport;

/// <summary>
/// The real EventObserver app in its own OS process (the build output of src/EventObserver in the caller's
/// configuration) on a port of its own choosing: a test can SIGKILL it while the broker lives on, and a benchmark can
/// measure its memory apart from the load generator.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _http;
    private readonly Action<string>? _onOutputLine;

    private AppProcess(Process process, Action<string>? onOutputLine = null)
    {
        _process = process;
        _onOutputLine = onOutputLine;
    }

    /// <summary>Where the app listens, as Kestrel reported it.</summary>
    public Uri BaseAddress => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("The app has not reported its address yet.");

    public HttpClient Http => _http ?? throw new InvalidOperationException("The app has not reported its address yet.");

    public int Id => _process.Id;

    /// <summary>The tail of what the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app against <paramref name="bootstrapServers"/> with its index at <paramref name="storagePath"/>
    /// (the folder is the working directory), demo traffic off; <paramref name="environment"/> adds or overrides variables.
    /// Returns once the app has bound its port and said which (port 0 and the report, rather than a port picked here,
    /// released and handed on: another process could take it in between).
    /// </summary>
    /// <param name="arguments">Command-line arguments for the app (e.g. <c>--urls</c>).</param>
    /// <param name="onOutputLine">
    /// Sees every line the app prints, from its first (<see cref="Output"/> keeps only the tail): a long run counts its
    /// warnings there. Called on the output reader threads.
    /// </param>
    public static async Task<AppProcess> StartAsync(
        string bootstrapServers, string storagePath, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? arguments = null,
        Action<string>? onOutputLine = null)
    {
        var process = Process.Start(StartInfo(bootstrapServers, storagePath, environment, arguments)) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, onOutputLine);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => app._address.TrySetException(new InvalidOperationException($"The app exited before it reported its address.\n{app.Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await app._address.Task.WaitAsync(TimeSpan.FromSeconds(60));
            app._http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            return app;
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            throw e is TimeoutException ? new TimeoutException($"The app did not report its address within 60 s.\n{app.Output}") : e;
        }
    }

    /// <summary>
    /// Runs the app (or one of its commands) to its end, as <see cref="StartAsync"/> would start it, with
    /// <paramref name="input"/> on standard input; fails when it has not ended within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        string bootstrapServers, string storagePath, IReadOnlyList<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var info = StartInfo(bootstrapServers, storagePath, environment, arguments);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within {timeout}.\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Waits until /healthz answers; fails with the app's output when it exits or the time runs out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            ThrowIfExited("waiting for /healthz");
            try
            {
                if ((await Http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not answer /healthz within {timeout}.\n{Output}");
    }

    /// <summary>The indexed total from /api/stats, or null while the app does not answer.</summary>
    public async Task<long?> GetIndexedAsync()
    {
        try
        {
            var stats = await Http.GetFromJsonAsync<JsonElement>("/api/stats");
            return stats.GetProperty("totalIndexed").GetInt64();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds for the indexed total; fails with the app's output otherwise.</summary>
    public async Task<long> WaitForIndexedAsync(Func<long, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        long? last = null;
        while (DateTime.UtcNow < deadline)
        {
            ThrowIfExited($"waiting for {what}");
            last = await GetIndexedAsync();
            if (last is { } value && done(value))
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last indexed total: {last?.ToString() ?? "no answer"}.\n{Output}");
    }

    /// <summary>CPU time the app process has used so far (all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a container, and the wait for the exit: returns the exit code and how long the
    /// process took from the signal to its end; fails when it is still running after <paramref name="timeout"/> (then
    /// it is killed).
    /// </summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The app had already exited with {_process.ExitCode}.\n{Output}");
        }

        var started = Stopwatch.StartNew();
        using (var signal = Process.Start(new ProcessStartInfo("/bin/kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("/bin/kill did not start"))
        {
            await signal.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The app was still running {timeout.TotalSeconds:0.#} s after SIGTERM.\n{Output}");
        }

        return (_process.ExitCode, started.Elapsed);
    }

    /// <summary>Whether the process has ended (on its own, by <see cref="Kill"/> or by <see cref="TerminateAsync"/>).</summary>
    public bool HasExited => _process.HasExited;

    public ValueTask DisposeAsync()
    {
        Kill();
        _http?.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfExited(string what)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The app exited with {_process.ExitCode} while {what}.\n{Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the tail only: a long run must not grow the caller's memory without bound.
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }

            _output.AppendLine(line);
        }

        _onOutputLine?.Invoke(line);

        if (!_address.Task.IsCompleted && ListeningOn().Match(line) is { Success: true } listening)
        {
            _address.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    private static ProcessStartInfo StartInfo(
        string bootstrapServers, string storagePath, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string>? arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { AppDll() },
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(storagePath))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["EventObserver__Kafka__BootstrapServers"] = bootstrapServers;
        info.Environment["EventObserver__Storage__Path"] = storagePath;
        info.Environment["EventObserver__Demo__Enabled"] = "false";

        // The cluster here is librdkafka's mock, which cannot list or describe groups.
        info.Environment["EventObserver__Groups__Discovery"] = "KnownGroups";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        // Kestrel's "Now listening on:" line is how the chosen port comes back: keep it even when the caller quiets the logs.
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return info;
    }

    private static string AppDll()
    {
        // The caller's output folder tells the configuration (…/bin/<Configuration>/net10.0/).
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "EventObserver.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("EventObserver.sln not found above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(root.FullName, "src", "EventObserver", "bin", configuration, framework, "EventObserver.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/EventObserver first", dll);
    }
}
