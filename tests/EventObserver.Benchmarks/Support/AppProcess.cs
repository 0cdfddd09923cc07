using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// The real EventObserver app (the build output of src/EventObserver, same configuration as this
/// benchmark) in its own OS process on a free port, so its memory is measured apart from the load generator.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

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

    public static AppProcess Start(string bootstrapServers, string directory)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { AppDll() },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["EventObserver__Kafka__BootstrapServers"] = bootstrapServers;
        info.Environment["EventObserver__Kafka__MetadataRefreshMs"] = "1000";
        info.Environment["EventObserver__Storage__Path"] = Path.Combine(directory, "index.db");
        info.Environment["EventObserver__Demo__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until /healthz answers.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}.\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
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

    /// <summary>Resident set size (VmRSS) of the app process in MiB.</summary>
    public double RssMb() => ProcessMemory.ReadKb(Id, "VmRSS:") / 1024.0;

    /// <summary>Peak resident set size (VmHWM) of the app process in MiB.</summary>
    public double PeakRssMb() => ProcessMemory.ReadKb(Id, "VmHWM:") / 1024.0;

    /// <summary>CPU time the app process has used so far (all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();

        // The app's warnings and errors explain a bad figure: keep them next to the result.
        var log = Path.Combine(Path.GetTempPath(), "eventobserver-bench-app.log");
        await File.WriteAllTextAsync(log, Output);
        Console.Error.WriteLine($"app output: {log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }

            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string AppDll()
    {
        // This benchmark's output folder tells the configuration (…/bin/<Configuration>/net10.0/).
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
