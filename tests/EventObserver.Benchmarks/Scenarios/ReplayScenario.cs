using System.Diagnostics;
using System.Text.Json;
using EventObserver.Access;
using EventObserver.Benchmarks.Support;
using EventObserver.Configuration;
using EventObserver.Core.Indexing;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>replay</c>: N demo-like 1 KB order events are written straight into a fresh index, then replayed
/// (a) through the order-lifecycle template by the real run manager (index read + sandbox, on the run's thread), and
/// (b) folded by the same logic in plain C#, also reading from the index.
/// </summary>
internal static class ReplayScenario
{
    public static async Task RunAsync(int events)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-replay-bench-").FullName;
        try
        {
            var indexPath = Path.Combine(directory, "index.db");
            using var indexes = new EventIndexProvider(
                Options.Create(new StorageOptions { Path = indexPath, MaxEvents = null, MaxAge = null }),
                NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
            var index = indexes.OpenForCluster("bench");

            var write = Stopwatch.StartNew();
            foreach (var batch in ReplayBenchEvents.Batches(events, 5000))
            {
                index.Write(batch);
            }

            Report($"indexed {events:N0} events in {write.Elapsed.TotalSeconds:N1} s");

            var readClock = Stopwatch.StartNew();
            var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var read = index.ReadOldestFirst(new EventRange()).LongCount();
            Report($"index read alone: {read / readClock.Elapsed.TotalSeconds:N0}/s wall, {read / (Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:N0}/s per CPU-second");

            var inMemory = index.ReadOldestFirst(new EventRange()).Take(200_000).ToList();
            var runner = ProjectionRunner.Create(ProjectionTemplates.OrderLifecycle.Script).Runner!;
            var sandboxCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sandboxClock = Stopwatch.StartNew();
            foreach (var e in inMemory)
            {
                runner.Apply(e);
            }

            Report($"sandbox alone over {inMemory.Count:N0} decoded events: {inMemory.Count / sandboxClock.Elapsed.TotalSeconds:N0}/s wall, {inMemory.Count / (Process.GetCurrentProcess().TotalProcessorTime - sandboxCpu).TotalSeconds:N0}/s per CPU-second");
            inMemory = null;
            runner = null;

            // The C# baseline first, so the JIT and the page cache are warm for both the same way.
            var (csharpPerSec, orders) = MeasureCSharp(index);
            Report($"plain C# fold (index read + JSON parse + fold): {csharpPerSec:N0}/s over {orders:N0} orders");

            var gcBefore = GcCounts.Now();
            var (jsPerSec, cpuPerSec, snapshot) = await MeasureJsAsync(indexes, directory);
            Report($"order-lifecycle in the sandbox (run manager, index read + sandbox): {jsPerSec:N0}/s wall, {cpuPerSec:N0}/s per CPU-second, {snapshot.PartitionCount:N0} partitions, status {snapshot.Status}, peak RSS {ProcessMemory.PeakRssMb():N0} MB, {GcCounts.Now().Since(gcBefore)}");
            if (snapshot.Processed != events || snapshot.Status != ReplayRunStatus.Completed)
            {
                throw new InvalidOperationException($"The run processed {snapshot.Processed:N0} of {events:N0} ({snapshot.Status}): {snapshot.Message}");
            }

            var result = new Dictionary<string, object>
            {
                ["scenario"] = "replay",
                ["events"] = events,
                ["jsPerSec"] = Math.Round(jsPerSec),
                ["csharpPerSec"] = Math.Round(csharpPerSec),
                ["ratio"] = Math.Round(csharpPerSec / jsPerSec, 2),
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Leftover temp files must not fail the benchmark.
            }
        }
    }

    private static (double PerSec, int Orders) MeasureCSharp(IEventIndex index)
    {
        var fold = new ReplayCSharpFold();
        var clock = Stopwatch.StartNew();
        long count = 0;
        foreach (var e in index.ReadOldestFirst(new EventRange { EndOffsets = index.GetCheckpoints() }))
        {
            fold.Apply(e);
            count++;
        }

        return (count / clock.Elapsed.TotalSeconds, fold.Orders);
    }

    private static async Task<(double WallPerSec, double CpuPerSec, ReplayRunSnapshot Snapshot)> MeasureJsAsync(EventIndexProvider indexes, string directory)
    {
        var kafka = new KafkaOptions { BootstrapServers = "127.0.0.1:1" };
        using var publisher = new ReplayPublisher(KafkaConnection.ForCluster(kafka, kafka.BootstrapServers), TimeProvider.System, NullLogger<ReplayPublisher>.Instance);
        using var store = ProjectionStore.Open(Path.Combine(directory, ProjectionStore.DefaultFileName));
        using var manager = new ReplayRunManager(indexes, publisher, store, Options.Create(new ReplayOptions()), NullAuditLog.Instance, TimeProvider.System, NullLogger<ReplayRunManager>.Instance);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var started = manager.Start(new ReplayRequest { Selection = EventSelection.All, Script = ProjectionTemplates.OrderLifecycle.Script }, UserAccess.System);
        var run = started.Run ?? throw new InvalidOperationException($"The run did not start: {started.Message}");
        await run.Completion;
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var snapshot = run.Snapshot;
        return (snapshot.Processed / wall, snapshot.Processed / cpu, snapshot);
    }

    private static void Report(string line) => Console.Error.WriteLine($"[replay] {line}");
}
