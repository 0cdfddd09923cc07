using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using EventObserver.Benchmarks.Support;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>soak</c>: the app (its own process) for N minutes under what a busy team puts on it at once: 5,000
/// events/s with lineage headers over six topics, five tabs of one browser (live feed, a lineage graph, the flow map, the
/// conventions and the Replay page following a replay that is always running), ten hub clients on the whole feed, and
/// retention deleting all along (<see cref="MaxEvents"/> is half a minute of traffic, checked every 30 s). Every minute:
/// the app's RSS and that minute's browser and hub p95; at the end the RSS slope after the first minute (the warm-up),
/// the app's GC pause time, the index size, and the warnings and errors the app logged.
/// </summary>
internal static class SoakScenario
{
    private const int Rate = 5_000;
    private const int HubClients = 10;
    private const int PartitionsPerTopic = 4;

    /// <summary>Half a minute of traffic: retention deletes from the first minute on, and the index plateaus.</summary>
    private const long MaxEvents = Rate * 30L;

    private static readonly TimeSpan RetentionInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(10);

    /// <summary>A busy machine answers a replay start (it counts the selection) in more than AppProcess's 5 s.</summary>
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Topics =
        ["soak.orders", "soak.inventory", "soak.payments", "soak.shipping", "soak.notifications", "soak.audit"];

    public static async Task RunAsync(int minutes)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-bench-soak-").FullName;
        var log = new AppLogTally();
        try
        {
            using var cluster = new MockKafkaCluster(brokers: 1);
            foreach (var topic in Topics)
            {
                cluster.CreateTopic(topic, PartitionsPerTopic);
            }

            await using var app = await AppProcess.StartAsync(
                cluster.BootstrapServers, Path.Combine(directory, "index.db"), AppEnvironment(), onOutputLine: log.Add);
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var api = new HttpClient { BaseAddress = app.BaseAddress, Timeout = ApiTimeout };
            Report($"app pid {app.Id} on {app.BaseAddress}; {minutes} min at {Rate:N0} events/s into {Topics.Length} topics, " +
                $"max {MaxEvents:N0} events, retention every {RetentionInterval.TotalSeconds:N0} s; load {FeedScenario.MachineLoad()}");

            var partitions = Topics.SelectMany(t => Enumerable.Range(0, PartitionsPerTopic).Select(p => new TopicPartition(t, p))).ToList();
            using var producer = new SteadyProducer(cluster.BootstrapServers, partitions, Rate);
            producer.Start();

            Dictionary<string, object?> result;
            await using (var load = new SoakLoad())
            {
                await load.OpenAsync(api, app.BaseAddress, HubClients);
                Report($"{(load.Feed is null ? "no browser" : "5 tabs")} and {HubClients} hub clients open after {producer.Produced:N0} events produced");
                var settled = await SettleAsync(api);
                Report($"app caught up after {settled.TotalSeconds:N0} s (lag under {SettledLag:N0} for {SettledFor.TotalSeconds:N0} s); measuring");
                result = await MeasureAsync(minutes, app, api, producer, load, log);
                result["settleSeconds"] = Math.Round(settled.TotalSeconds);
            }

            foreach (var problem in log.Problems)
            {
                Report($"app logged: {problem}");
            }

            var appLog = Path.Combine(Path.GetTempPath(), "eventobserver-bench-soak-app.log");
            await File.WriteAllTextAsync(appLog, app.Output);
            Report($"app output (tail): {appLog}");
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private static async Task<Dictionary<string, object?>> MeasureAsync(
        int minutes, AppProcess app, HttpClient api, SteadyProducer producer, SoakLoad load, AppLogTally log)
    {
        load.ResetLatencies();
        var start = await ReadStatsAsync(api);
        var gcStart = await AppGcPause.ReadAsync(api);
        var producedAtStart = producer.Produced;
        var droppedAtStart = load.HubDropped;
        var cpuAtStart = app.CpuTime();
        var rssSamples = new List<(double Minutes, double Mb)>();
        var perMinute = new List<SoakMinute>();
        var conversationsTracked = new List<long?>();
        var gcHeapMb = new List<double?>();
        var clock = Stopwatch.StartNew();
        var nextSample = Sample;
        for (var minute = 1; minute <= minutes; minute++)
        {
            var minuteEnd = TimeSpan.FromMinutes(minute);
            // One sample per 10 s, each taken once: a timer that wakes a hair early must not add a burst of samples
            // at the same instant (it did: runs of 15-50 equal values, which weighted those instants in the slope).
            while (nextSample <= minuteEnd)
            {
                var wait = nextSample - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                rssSamples.Add((nextSample.TotalMinutes, ProcessMemory.RssMb(app.Id)));
                nextSample += Sample;
            }

            var stats = await ReadStatsAsync(api);
            var metrics = await PrometheusText.ScrapeAsync(api);
            // What the bounded in-memory parts hold: the conversations tracked (open + stuck, capped by
            // Monitoring:MaxOpenConversations) and the managed heap after the last collection, beside RSS.
            var conversations = PrometheusText.Sum(metrics, "eventobserver_conversations_open") + PrometheusText.Sum(metrics, "eventobserver_conversations_stuck");
            var heapMb = PrometheusText.Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes") / 1048576.0;
            conversationsTracked.Add(conversations is { } c ? (long)c : null);
            gcHeapMb.Add(heapMb is { } h ? Math.Round(h) : null);
            var (browser, hub) = load.TakeLatencies();
            var figures = new SoakMinute(minute, Math.Round(rssSamples[^1].Mb, 1),
                LatencyRecorder.PercentileOf(browser, 95), browser.Length, LatencyRecorder.PercentileOf(hub, 95), hub.Length,
                stats.Indexed, stats.SizeMb);
            perMinute.Add(figures);
            Report($"minute {minute}: RSS {figures.RssMb:N0} MB, browser p95 {figures.BrowserP95Ms} ms ({figures.BrowserSamples:N0} rows), " +
                $"hub p95 {figures.HubP95Ms} ms ({figures.HubSamples:N0} events), index {figures.IndexedEvents:N0} events {figures.IndexSizeMb:N1} MB, " +
                $"retention deleted {log.Retention.Deleted:N0}, warnings {log.Warnings}, errors {log.Errors}, replay runs {load.Replay?.Started}, " +
                $"conversations tracked {conversations:N0}, GC heap {heapMb:N0} MB, " +
                $"load {FeedScenario.MachineLoad()}");
            if (load.Tabs is not null && minute < minutes)
            {
                await load.Tabs.ShowNewestLineageAsync();
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var end = await ReadStatsAsync(api);
        var gcEnd = await AppGcPause.ReadAsync(api);

        // After the warm-up minute: a leak shows as a steady climb, a plateau or a saw-tooth as about 0.
        var slope = LeastSquares.Slope([.. rssSamples.Where(s => s.Minutes >= 1)]);
        return new Dictionary<string, object?>
        {
            ["scenario"] = "soak",
            ["minutes"] = minutes,
            ["rssSlopeMbPerMin"] = slope is { } s ? Math.Round(s, 2) : null,
            ["browserP95MsMax"] = perMinute.All(m => m.BrowserP95Ms is not null) ? perMinute.Max(m => m.BrowserP95Ms) : null,
            ["errors"] = log.Errors,
            ["warnings"] = log.Warnings,
            ["hubP95MsMax"] = perMinute.Max(m => m.HubP95Ms),
            ["rssMb"] = perMinute.Select(m => m.RssMb).ToArray(),
            ["browserP95Ms"] = perMinute.Select(m => m.BrowserP95Ms).ToArray(),
            ["hubP95Ms"] = perMinute.Select(m => m.HubP95Ms).ToArray(),
            ["indexedEvents"] = perMinute.Select(m => m.IndexedEvents).ToArray(),
            ["peakRssMb"] = Math.Round(ProcessMemory.PeakRssMb(app.Id)),

            // The shape within minutes (a step, a saw-tooth, a climb), from which the slope was fitted.
            ["rssEvery10sMb"] = rssSamples.Select(r => Math.Round(r.Mb)).ToArray(),
            ["conversationsTracked"] = conversationsTracked.ToArray(),
            ["gcHeapAfterLastGcMb"] = gcHeapMb.ToArray(),
            ["gcPauseSeconds"] = gcEnd.Seconds - gcStart.Seconds is { } pause ? Math.Round(pause, 3) : null,
            ["gcPauseSecondsSinceStart"] = gcEnd.Seconds is { } total ? Math.Round(total, 3) : null,
            ["gcPauseSource"] = gcEnd.Source,
            ["indexSizeStartMb"] = start.SizeMb,
            ["indexSizeEndMb"] = end.SizeMb,
            ["indexedStart"] = start.Indexed,
            ["indexedEnd"] = end.Indexed,
            ["maxEvents"] = MaxEvents,
            ["retentionPasses"] = log.Retention.Passes,
            ["retentionDeleted"] = log.Retention.Deleted,
            ["producedPerSec"] = Math.Round((producer.Produced - producedAtStart) / seconds),
            ["produceFailures"] = producer.Failures,
            ["appLag"] = end.Lag,
            ["retentionGaps"] = end.RetentionGaps,
            ["hubClients"] = load.Hubs.Count,
            ["hubDropped"] = load.HubDropped - droppedAtStart,
            ["replayRuns"] = load.Replay?.Started,
            ["replayRunsFailed"] = load.Replay?.Failed,
            ["uiProblems"] = (load.Tabs?.Problems ?? 0) + (load.Replay?.Problems ?? 0),
            ["lineageGraphs"] = load.Tabs?.LineageGraphs,
            ["appCpuCores"] = Math.Round((app.CpuTime() - cpuAtStart).TotalSeconds / seconds, 2),
            ["machineLoad1m"] = FeedScenario.MachineLoad(),
        };
    }

    /// <summary>
    /// On top of AppProcess's defaults: new topics seen quickly, only problems logged (they are what the scenario counts),
    /// except the retention service's "deleted" lines, which prove retention ran; retention deleting from the first minute.
    /// </summary>
    private static Dictionary<string, string> AppEnvironment() => new()
    {
        // As the Dockerfile and the launch profile of `dotnet run` set it (README, Operations: GC).
        ["DOTNET_GCgen0size"] = "0x4000000",
        ["EventObserver__Kafka__MetadataRefreshMs"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__EventObserver.Storage.Retention.RetentionService"] = "Information",
        ["EventObserver__Storage__MaxEvents"] = MaxEvents.ToString(CultureInfo.InvariantCulture),
        ["EventObserver__Storage__RetentionInterval"] = RetentionInterval.ToString("c", CultureInfo.InvariantCulture),
    };

    private sealed record StatsFigures(long? Indexed, double? SizeMb, long? Lag, long? RetentionGaps);

    /// <summary>The lag under which the app counts as keeping up, and for how long it must stay there.</summary>
    private const long SettledLag = 10_000;

    private static readonly TimeSpan SettledFor = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits (at most 3 minutes) until the app keeps up: opening five tabs in Chromium on the same two cores lets a
    /// backlog build at 5,000 events/s, and minutes spent working it off measure the start-up, not the steady state.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(HttpClient api)
    {
        var clock = Stopwatch.StartNew();
        var below = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var stats = await ReadStatsAsync(api);
            if (stats.Lag is not { } lag || lag >= SettledLag)
            {
                below.Restart();
            }
            else if (below.Elapsed >= SettledFor)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return clock.Elapsed;
    }

    private static async Task<StatsFigures> ReadStatsAsync(HttpClient api)
    {
        try
        {
            using var stats = JsonDocument.Parse(await api.GetStringAsync("/api/stats"));
            var s = stats.RootElement;
            return new StatsFigures(s.GetProperty("totalIndexed").GetInt64(), Math.Round(s.GetProperty("indexSizeBytes").GetInt64() / 1048576.0, 1),
                s.GetProperty("lag").GetInt64(), s.GetProperty("retentionGaps").GetProperty("count").GetInt64());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            Report($"/api/stats did not answer: {e.Message}");
            return new StatsFigures(null, null, null, null);
        }
    }

    private static void Report(string line) => Console.Error.WriteLine($"[soak] {line}");

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
