using System.Diagnostics;
using System.Text.Json;

using EventObserver.Benchmarks.Support;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Index;
using EventObserver.Storage.Postgres.Index;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>lineage</c>: N events in N/10 correlations of mixed shapes are written straight into a
/// fresh index (not an ingestion benchmark), then lineage query + layout are timed for the 500-message
/// conversation (<see cref="LineageGraphBuilder.BuildForCorrelation"/>) and for random events (walk both
/// ways), against answering the same conversation question by paging through every event newest first,
/// as a Kafka UI must. <c>speedup</c> = scanMs / p50Ms of the correlation query. With <c>--store postgres</c> the same
/// events are measured a second time on a PostgresEventIndex (one line per store).
/// </summary>
internal static class LineageScenario
{
    private const int CorrelationRuns = 100;
    private const int RandomRuns = 300;
    private const int Warmup = 5;

    public static void Run(int events, PostgresTarget? postgres = null)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-lineage-bench-").FullName;
        try
        {
            var path = Path.Combine(directory, "index.db");
            Dictionary<string, object> result;
            using (var index = LiteDbEventIndex.Open(path))
            {
                result = Measure(index, events, "litedb");
            }

            // Closed, so LiteDB has checkpointed its log into the file: what stays on disk.
            result["indexBytesPerEvent"] = Math.Round(IndexFootprint.Measure(path).TotalBytes / (double)events);
            Report($"litedb: {result["indexBytesPerEvent"]} B/event on disk");
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
                // Left for the OS temp cleaner.
            }
        }

        if (postgres is not null)
        {
            RunPostgres(events, postgres);
        }
    }

    /// <summary>
    /// The same events into a PostgresEventIndex on a schema of its own. Its clock is set to the data's day, so the
    /// events land in a day partition as live ingestion puts them (the data is dated 2026-01-01; on today's clock they
    /// would all fall into the default partition).
    /// </summary>
    private static void RunPostgres(int events, PostgresTarget postgres)
    {
        var schema = PostgresTarget.NewSchema("lineage");
        try
        {
            Dictionary<string, object> result;
            using (var index = PostgresEventIndex.Open(postgres.ConnectionString, schema, "bench-lineage", new FixedClock(LineageBenchEvents.Start.AddHours(1))))
            {
                result = Measure(index, events, "postgres");
            }

            result["indexBytesPerEvent"] = Math.Round(postgres.SchemaBytes(schema) / (double)events);
            Report($"postgres: {result["indexBytesPerEvent"]} B/event on disk (tables, indexes, TOAST of the schema)");
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        finally
        {
            postgres.DropSchema(schema);
        }
    }

    private static Dictionary<string, object> Measure(IEventIndex index, int events, string store)
    {
        Report($"{store}: writing {events:N0} events");
        var data = new LineageBenchEvents(events, events / 10);
        var write = Stopwatch.StartNew();
        var written = 0;
        foreach (var batch in data.Batches(50_000))
        {
            written += index.Write(batch);
        }

        write.Stop();
        Report($"indexed {written:N0} events in {data.Correlations:N0} correlations in {write.Elapsed.TotalSeconds:N1} s");

        var layout = new LayeredLayout();
        var builder = new LineageGraphBuilder(index.Lineage);

        var correlationTimes = new List<double>();
        var correlationCpu = new List<double>();
        var layoutTimes = new List<double>();
        var cold = 0.0;
        var bigNodes = 0;
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < CorrelationRuns + Warmup; run++)
        {
            var cpu = CpuMs(process);
            var watch = Stopwatch.StartNew();
            var graph = builder.BuildForCorrelation(LineageBenchEvents.BigCorrelation, maxNodes: 1000);
            var queried = watch.Elapsed.TotalMilliseconds;
            layout.Compute(graph);
            watch.Stop();
            bigNodes = graph.Nodes.Count;
            if (run == 0)
            {
                cold = watch.Elapsed.TotalMilliseconds;
            }

            if (run >= Warmup)
            {
                correlationTimes.Add(watch.Elapsed.TotalMilliseconds);
                correlationCpu.Add(CpuMs(process) - cpu);
                layoutTimes.Add(watch.Elapsed.TotalMilliseconds - queried);
            }
        }

        Report($"500-message correlation: {bigNodes} nodes; first {cold:N1} ms, p50 {Percentile(correlationTimes, 50):N2} ms, p95 {Percentile(correlationTimes, 95):N2} ms (CPU p50 {Percentile(correlationCpu, 50):N2} ms, p95 {Percentile(correlationCpu, 95):N2} ms; layout p50 {Percentile(layoutTimes, 50):N2} ms)");

        var random = new Random(42);
        var checkpoints = index.GetCheckpoints().Where(c => c.Value > 0).ToList();
        var randomTimes = new List<double>();
        var randomNodes = 0L;
        for (var run = 0; run < RandomRuns + Warmup; run++)
        {
            var (key, next) = checkpoints[random.Next(checkpoints.Count)];
            var position = new EventPosition(key.Topic, key.Partition, random.NextInt64(next));
            var watch = Stopwatch.StartNew();
            var graph = builder.Build(position, LineageDirection.Both, maxDepth: 50, maxNodes: 500);
            layout.Compute(graph);
            watch.Stop();
            if (run >= Warmup)
            {
                randomTimes.Add(watch.Elapsed.TotalMilliseconds);
                randomNodes += graph.Nodes.Count;
            }
        }

        Report($"random events, both ways: {randomNodes / (double)RandomRuns:N1} nodes on average; p50 {Percentile(randomTimes, 50):N2} ms, p95 {Percentile(randomTimes, 95):N2} ms");

        var (scanMs, scanned, found) = Scan(index, LineageBenchEvents.BigCorrelation);
        Report($"scan: read {scanned:N0} events newest first in pages of {EventSelection.MaxLimit} in {scanMs:N0} ms, {found} in the correlation");

        var layout2000 = MeasureLayout2000(layout);
        Report($"layout of a 2,000-node graph: {layout2000:N1} ms");

        var p50 = Percentile(correlationTimes, 50);
        return new Dictionary<string, object>
        {
            ["scenario"] = "lineage",
            ["store"] = store,
            ["events"] = written,
            ["p50Ms"] = Math.Round(p50, 2),
            ["p95Ms"] = Math.Round(Percentile(correlationTimes, 95), 2),
            ["scanMs"] = Math.Round(scanMs),
            ["speedup"] = Math.Round(scanMs / p50),
            ["layout2000Ms"] = Math.Round(layout2000, 1),
            ["correlationNodes"] = bigNodes,
            ["correlationFirstMs"] = Math.Round(cold, 2),
            ["correlationLayoutP50Ms"] = Math.Round(Percentile(layoutTimes, 50), 2),
            ["correlationCpuP50Ms"] = Math.Round(Percentile(correlationCpu, 50), 2),
            ["correlationCpuP95Ms"] = Math.Round(Percentile(correlationCpu, 95), 2),
            ["randomP50Ms"] = Math.Round(Percentile(randomTimes, 50), 2),
            ["randomP95Ms"] = Math.Round(Percentile(randomTimes, 95), 2),
            ["randomAvgNodes"] = Math.Round(randomNodes / (double)RandomRuns, 1),
            ["scanFound"] = found,
            ["scanEventsPerSec"] = Math.Round(scanned / (scanMs / 1000)),
            ["indexWriteSec"] = Math.Round(write.Elapsed.TotalSeconds, 1),
            ["loadAverage"] = LoadAverage(),
        };
    }

    /// <summary>What a UI without an index does: read every event (newest first, page by page) and compare correlation ids.</summary>
    private static (double Ms, long Scanned, int Found) Scan(IEventIndex index, string correlationId)
    {
        var watch = Stopwatch.StartNew();
        long scanned = 0;
        var found = 0;
        DateTimeOffset? to = null;
        while (true)
        {
            var page = index.Query(new EventSelection { To = to, Limit = EventSelection.MaxLimit });
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                scanned++;
                if (string.Equals(e.CorrelationId, correlationId, StringComparison.Ordinal))
                {
                    found++;
                }
            }

            // Timestamps are unique milliseconds here, so "older than the oldest seen" pages exactly.
            to = DateTimeOffset.FromUnixTimeMilliseconds(page[^1].TimestampMs - 1);
        }

        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, scanned, found);
    }

    /// <summary>A 2,000-node DAG: a tree of causes with one in ten nodes joining a second cause (diamonds).</summary>
    private static double MeasureLayout2000(LayeredLayout layout)
    {
        const int nodes = 2000;
        var ids = Enumerable.Range(0, nodes).Select(i => $"n{i}").ToList();
        var random = new Random(7);
        var edges = new List<LayoutEdge>();
        for (var i = 1; i < nodes; i++)
        {
            var parent = random.Next(Math.Max(0, i - 40), i);
            edges.Add(new LayoutEdge(ids[parent], ids[i]));
            if (i % 10 == 0)
            {
                edges.Add(new LayoutEdge(ids[random.Next(0, i)], ids[i]));
            }
        }

        var times = new List<double>();
        for (var run = 0; run < 7; run++)
        {
            var watch = Stopwatch.StartNew();
            layout.Compute(ids, edges);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Percentile(times.Skip(2).ToList(), 50);
    }

    /// <summary>CPU time of the whole process: on a shared machine, wall-clock percentiles include time spent waiting for a core.</summary>
    private static double CpuMs(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static void Report(string line) => Console.Error.WriteLine($"[lineage] {line}");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
