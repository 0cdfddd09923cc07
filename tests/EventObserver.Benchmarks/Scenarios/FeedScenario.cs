using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using EventObserver.Benchmarks.Support;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>feed</c>: the real app (its own process) ingests a steady stream of ~1 KB JSON events from a
/// mock cluster in this process; latency from each event's produce timestamp to (a) receipt by a SignalR
/// client of /hubs/events and (b) its row appearing on the Live feed page in a real browser; and the app's
/// RSS after warm-up and at the end. With <c>masked</c>, the app masks a value of every event (one JSON path rule) and
/// the hub client signs in with an API key (Viewer), as the access-control acceptance figure asks; the key only takes
/// effect once the app authenticates API keys, and is harmless before.
/// </summary>
internal static class FeedScenario
{
    private const int PartitionsPerTopic = 4;
    private static readonly string[] Topics =
        ["bench.orders", "bench.inventory", "bench.payments", "bench.shipping", "bench.notifications", "bench.audit"];

    /// <summary>On top of AppProcess's defaults: topics created by the benchmark are seen quickly, and only problems are logged.</summary>
    private static readonly Dictionary<string, string> AppEnvironment = new()
    {
        ["EventObserver__Kafka__MetadataRefreshMs"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(int durationSeconds, int rate, bool masked)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-bench-feed-").FullName;
        var apiKey = masked ? "bench-" + Guid.NewGuid().ToString("N") : null;
        var password = masked ? "pw-" + Guid.NewGuid().ToString("N") : null;
        try
        {
            using var cluster = new MockKafkaCluster(brokers: 1);
            foreach (var topic in Topics)
            {
                cluster.CreateTopic(topic, PartitionsPerTopic);
            }

            await using var app = await AppProcess.StartAsync(cluster.BootstrapServers, Path.Combine(directory, "index.db"), AppSettings(apiKey, password));
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            if (apiKey is not null)
            {
                // Sign-in is on (Local mode): the figures the scenario reads need the key too.
                app.Http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            Report($"app pid {app.Id} on {app.BaseAddress}; producing {rate:N0} events/s into {Topics.Length} topics");

            var partitions = Topics.SelectMany(t => Enumerable.Range(0, PartitionsPerTopic).Select(p => new TopicPartition(t, p))).ToList();
            using var producer = new SteadyProducer(cluster.BootstrapServers, partitions, rate);
            producer.Start();

            await using var hub = await HubLatencyClient.ConnectAsync(app.BaseAddress, apiKey);
            var (browser, browserProblem) = await BrowserLatencyProbe.StartAsync(app.BaseAddress, password is null ? null : (BenchUser, password));
            if (browserProblem is not null)
            {
                Report($"browser latency not measured: {browserProblem}");
            }

            // Warm up until the app has caught up with the start-up backlog (JIT, group join, browser start), so the
            // measurement sees the steady state rather than a queue left over from the start.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < WarmUp || (producer.Produced - hub.Received > rate / 2 && warmUp.Elapsed < MaxWarmUp))
            {
                await Task.Delay(250);
            }

            Report($"warm-up done after {warmUp.Elapsed.TotalSeconds:N0}s: {producer.Produced:N0} produced, {hub.Received:N0} received by the hub client" +
                (producer.Produced - hub.Received > rate / 2 ? " (NOT caught up: the app is behind)" : ""));
            hub.Latency.Reset();
            browser?.Latency.Reset();
            var rssStartMb = ProcessMemory.RssMb(app.Id);
            var producedAtStart = producer.Produced;
            var receivedAtStart = hub.Received;
            var droppedAtStart = hub.Dropped;
            var cpuAtStart = app.CpuTime();

            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(durationSeconds))
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                Report($"{clock.Elapsed.TotalSeconds:N0}s: produced {producer.Produced - producedAtStart:N0}, hub received {hub.Received - receivedAtStart:N0}, " +
                    $"hub p95 {hub.Latency.Percentile(95)} ms, browser p95 {browser?.Latency.Percentile(95)} ms, RSS {ProcessMemory.RssMb(app.Id):N0} MB, " +
                    $"app indexed {await app.GetIndexedAsync():N0}");
            }

            var measuredSeconds = clock.Elapsed.TotalSeconds;
            var produced = producer.Produced - producedAtStart;
            var appState = await ReadAppStateAsync(app.Http);
            var rssEndMb = ProcessMemory.RssMb(app.Id);
            var appCpuCores = (app.CpuTime() - cpuAtStart).TotalSeconds / measuredSeconds;
            var peakRssMb = ProcessMemory.PeakRssMb(app.Id);
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            if (producer.Failures > 0)
            {
                Report($"{producer.Failures} produce failures");
            }

            var result = new Dictionary<string, object?>
            {
                ["scenario"] = "feed",
                ["rate"] = rate,
                ["masked"] = masked,
                ["hubP95Ms"] = hub.Latency.Percentile(95),
                ["browserP95Ms"] = browser?.Latency.Percentile(95),
                ["rssStartMb"] = Math.Round(rssStartMb),
                ["rssEndMb"] = Math.Round(rssEndMb),
                ["hubP50Ms"] = hub.Latency.Percentile(50),
                ["browserP50Ms"] = browser?.Latency.Percentile(50),
                ["peakRssMb"] = Math.Round(peakRssMb),
                ["durationSec"] = Math.Round(measuredSeconds),
                ["producedPerSec"] = Math.Round(produced / measuredSeconds),
                ["hubReceived"] = hub.Received - receivedAtStart,
                ["hubDropped"] = hub.Dropped - droppedAtStart,
                ["browserSamples"] = browser?.Latency.Count,
                ["appCpuCores"] = Math.Round(appCpuCores, 2),
                ["machineLoad1m"] = MachineLoad(),
            };
            foreach (var (key, value) in appState)
            {
                result[key] = value;
            }

            Console.WriteLine(JsonSerializer.Serialize(result));

            // The app's warnings and errors explain a bad figure: keep them next to the result.
            var log = Path.Combine(Path.GetTempPath(), "eventobserver-bench-app.log");
            await File.WriteAllTextAsync(log, app.Output);
            Report($"app output: {log}");
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private const string BenchUser = "bench";

    /// <summary>
    /// The app's settings; with an API key sign-in is on (Local mode, so an unauthenticated client would get nothing):
    /// one masking rule that changes every event (BenchEvents carry a <c>customerId</c>), the key as a Viewer (its
    /// SHA-256, as <c>Auth:ApiKeys</c> stores keys) for the hub client, and a local Viewer the browser signs in as.
    /// </summary>
    private static Dictionary<string, string> AppSettings(string? apiKey, string? password)
    {
        var environment = new Dictionary<string, string>(AppEnvironment);
        if (apiKey is not null && password is not null)
        {
            environment["EventObserver__Auth__Mode"] = "Local";
            environment["EventObserver__Auth__Users__0__Name"] = BenchUser;
            environment["EventObserver__Auth__Users__0__PasswordHash"] = new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(BenchUser, password);
            environment["EventObserver__Auth__Users__0__Roles__0"] = "Viewer";
            environment["EventObserver__Masking__Rules__0__JsonPath"] = "$.customerId";
            environment["EventObserver__Masking__Rules__0__Action"] = "Mask";
            environment["EventObserver__Auth__ApiKeys__0__Name"] = "feed-benchmark";
            environment["EventObserver__Auth__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
            environment["EventObserver__Auth__ApiKeys__0__Roles__0"] = "Viewer";
        }

        return environment;
    }

    /// <summary>
    /// What the app says about itself at the end: indexed total and rate, lag, retention gaps and health, so a run where
    /// production outruns indexing shows whether the app kept indexing, recorded the gaps and reported Degraded.
    /// </summary>
    private static async Task<Dictionary<string, object?>> ReadAppStateAsync(HttpClient http)
    {
        var state = new Dictionary<string, object?>();
        try
        {
            using var stats = JsonDocument.Parse(await http.GetStringAsync("/api/stats"));
            using var health = JsonDocument.Parse(await http.GetStringAsync("/healthz"));
            var s = stats.RootElement;
            state["appIndexedTotal"] = s.GetProperty("totalIndexed").GetInt64();
            state["appEventsPerSec"] = s.GetProperty("eventsPerSec").GetDouble();
            state["appLag"] = s.GetProperty("lag").GetInt64();
            state["retentionGaps"] = s.GetProperty("retentionGaps").GetProperty("count").GetInt64();
            state["messagesLost"] = s.GetProperty("retentionGaps").GetProperty("messagesLost").GetInt64();
            state["health"] = health.RootElement.GetProperty("status").GetString();
            state["healthReason"] = health.RootElement.GetProperty("reason").ValueKind == JsonValueKind.String
                ? health.RootElement.GetProperty("reason").GetString()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            state["appStateError"] = e.Message;
        }

        return state;
    }

    /// <summary>The 1-minute load average: latency figures from a machine busy with other work say little.</summary>
    internal static double? MachineLoad()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Report(string line) => Console.Error.WriteLine(line);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the run for.
        }
    }
}
