using System.Diagnostics;
using System.Text.Json;

using EventObserver.Benchmarks.Support;
using EventObserver.Core.Decoding;
using EventObserver.Core.Feed;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Postgres.Hosting;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The indexed path of <c>ingest --store postgres</c>: the real IngestionService, fed by the topic the LiteDB path
/// already read, writing into a PostgresEventIndex on a schema of its own. With several observers, each is a service
/// with its own consumer (group assignment, one group id) and its own store (the app's PostgresIndexProvider) on the same
/// schema, as separate processes would be; the rows are then counted in PostgreSQL itself (exactly once by position).
/// </summary>
internal static class PostgresIngest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public sealed record Result(
        double Steady,
        double WithStartup,
        long SchemaBytes,
        long Rows,
        long Duplicates,
        long Consumed,
        long Fenced);

    /// <summary>What the LiteDB path of the same run measured, for the line and its comparison.</summary>
    public sealed record RunContext(
        int Events,
        int Observers,
        double ProducePerSec,
        double RawConsumePerSec,
        long RawBytes,
        double LiteDbPerSec,
        string Traffic,
        string? Format);

    /// <summary>Measures and prints the <c>"store":"postgres"</c> line.</summary>
    public static async Task RunAsync(PostgresTarget target, string bootstrapServers, EnvelopeDecoder decoder, RunContext run)
    {
        var events = run.Events;
        Report(run.Observers > 1
            ? $"postgres: {run.Observers} observers in one process (group assignment, one schema); on this machine's cores this shows "
                + "correctness (exactly once across observers) and the overhead of sharing, not a speed-up"
            : "postgres: one observer, the same topic into a fresh schema");
        // The same warm-up as the LiteDB path (IngestScenario.WarmUpEvents), into a schema of its own.
        var warmUpEvents = Math.Min(IngestScenario.WarmUpEvents, events);
        var warmUp = await MeasureAsync(target, bootstrapServers, warmUpEvents, decoder, run.Observers, warmUp: true);
        Report($"warm-up, not counted: {warmUpEvents:N0} events into a schema of their own at {warmUp.WithStartup:N0}/s including start-up");
        var result = await MeasureAsync(target, bootstrapServers, events, decoder, run.Observers);
        var exactlyOnce = result.Rows == events && result.Duplicates == 0;
        // Records an observer handed to its writer beyond one per produced event: the cost of sharing, not an error.
        var readTwice = result.Consumed + result.Fenced - events;
        Report($"postgres indexed end to end: {result.Steady:N0}/s steady, {result.WithStartup:N0}/s including start-up"
            + $"{(run.Observers > 1 ? " and group join" : "")} (LiteDB same run: {run.LiteDbPerSec:N0}/s)");
        Report($"postgres footprint: {result.SchemaBytes / (double)events:N0} B/event on disk (tables, indexes, TOAST of the schema); "
            + $"raw {run.RawBytes / (double)events:N0} B/event");
        Report($"postgres rows: {result.Rows:N0} for {events:N0} produced, {result.Duplicates:N0} duplicated positions; "
            + $"{result.Consumed + result.Fenced:N0} records reached the index writers ({result.Fenced:N0} of them fenced; {readTwice:N0} read twice, after rebalances): "
            + (exactlyOnce ? "exactly once" : "NOT exactly once"));

        var line = new Dictionary<string, object>
        {
            ["scenario"] = "ingest",
            ["store"] = "postgres",
            ["events"] = events,
            ["rawConsumePerSec"] = Math.Round(run.RawConsumePerSec),
            ["indexedPerSec"] = Math.Round(result.Steady),
            ["indexedPerSecWithStartup"] = Math.Round(result.WithStartup),
            ["ratioToLiteDb"] = Math.Round(result.Steady / run.LiteDbPerSec, 2),
            ["producePerSec"] = Math.Round(run.ProducePerSec),
            ["indexBytesPerEvent"] = Math.Round(result.SchemaBytes / (double)events),
            ["rawBytesPerEvent"] = Math.Round(run.RawBytes / (double)events),
            ["traffic"] = run.Traffic,
            ["warmUpEvents"] = warmUpEvents,
            ["serverWalSegmentsWarmed"] = target.WalSegmentsWarmed,
            ["rows"] = result.Rows,
            ["duplicates"] = result.Duplicates,
            ["fenced"] = result.Fenced,
            ["readTwice"] = readTwice,
            ["exactlyOnce"] = exactlyOnce,
        };
        if (run.Observers > 1)
        {
            line["observers"] = run.Observers;
        }

        if (run.Format is { } format)
        {
            line["format"] = format;
        }

        Console.WriteLine(JsonSerializer.Serialize(line));
        if (!exactlyOnce)
        {
            throw new InvalidOperationException($"postgres: {result.Rows} rows with {result.Duplicates} duplicates for {events} produced events");
        }
    }

    /// <param name="warmUp">Only run until <paramref name="events"/> are indexed: no counts, footprint or report.</param>
    private static async Task<Result> MeasureAsync(PostgresTarget target, string bootstrapServers, int events, EnvelopeDecoder decoder, int observers, bool warmUp = false)
    {
        var schema = PostgresTarget.NewSchema("ingest");
        var indexes = new List<PostgresIndexProvider>();
        var services = new List<(IngestionService Service, IngestionStatus Status)>();
        try
        {
            for (var i = 0; i < observers; i++)
            {
                // One observer keeps the app's default (manual assignment of every partition); more share a group.
                var kafka = new KafkaOptions
                {
                    BootstrapServers = bootstrapServers,
                    GroupId = "bench-ingest-postgres",
                    Assignment = observers > 1 ? PartitionAssignment.Group : PartitionAssignment.Manual,
                };
                // The app's own store for Storage:Provider=Postgres, one per observer as in separate processes.
                var provider = new PostgresIndexProvider(target.ConnectionString, schema, TimeProvider.System, NullLogger<PostgresIndexProvider>.Instance);
                indexes.Add(provider);
                var status = new IngestionStatus(TimeProvider.System);
                services.Add((new IngestionService(
                    KafkaConnection.ForCluster(kafka, bootstrapServers),
                    decoder,
                    provider,
                    status,
                    [new TopicRateObserver(status.Rates), new LiveFeedObserver(new LiveFeed())],
                    TimeProvider.System,
                    NullLogger<IngestionService>.Instance,
                    rebuilds: provider), status));
            }

            // The LiteDB path's naive baseline held every decoded event: collect it, or its heap counts as this peak.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var rssStartMb = ProcessMemory.CurrentRssMb();
            var peakIsPerPhase = ProcessMemory.ResetPeak();
            using var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(services.Select(s => s.Service.StartAsync(CancellationToken.None)));
            TimeSpan? firstAt = null;
            long firstCount = 0;
            long indexed = 0;
            while (indexed < events && stopwatch.Elapsed < Deadline)
            {
                // The providers created the schema when they were made.
                indexed = target.CheckpointCount(schema);
                if (firstAt is null && indexed > 0)
                {
                    firstAt = stopwatch.Elapsed;
                    firstCount = indexed;
                }

                await Task.Delay(10);
            }

            var end = stopwatch.Elapsed;
            await Task.WhenAll(services.Select(s => s.Service.StopAsync(CancellationToken.None)));
            if (warmUp && indexed >= events)
            {
                return new Result(0, events / end.TotalSeconds, 0, 0, 0, 0, 0);
            }

            var peakRssMb = ProcessMemory.PeakRssMb();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuStart;
            if (indexed < events || firstAt is null)
            {
                var errors = string.Join("; ", services.Select(s => s.Status.LastError).Where(e => e is not null));
                throw new InvalidOperationException($"postgres: indexed only {indexed} of {events} events; errors: {(errors.Length > 0 ? errors : "none")}");
            }

            // Not on the line: what the LiteDB path left on the heap and in librdkafka's buffers is in it, so it is no peak of this path.
            Report($"RSS {rssStartMb:N0} MB before (the LiteDB path's leftovers), peak {peakRssMb:N0} MB{(peakIsPerPhase ? " during indexing" : " over the whole run")}; "
                + $"this process used {cpu.TotalSeconds:N1} s CPU in {end.TotalSeconds:N1} s (the server's CPU is not counted)");
            for (var i = 0; i < services.Count; i++)
            {
                Report($"observer {i + 1}: {services[i].Status.ConsumedTotal:N0} records through its writer, {services[i].Status.FencedEvents:N0} dropped as fenced (partitions taken over)");
            }

            var (rows, duplicates) = target.CountEvents(schema);
            var bytes = target.SchemaBytes(schema);
            return new Result(
                (events - firstCount) / (end - firstAt.Value).TotalSeconds,
                events / end.TotalSeconds,
                bytes,
                rows,
                duplicates,
                services.Sum(s => s.Status.ConsumedTotal),
                services.Sum(s => s.Status.FencedEvents));
        }
        finally
        {
            foreach (var (service, _) in services)
            {
                service.Dispose();
            }

            foreach (var provider in indexes)
            {
                provider.Dispose();
            }

            target.DropSchema(schema);
        }
    }

    private static void Report(string line) => Console.Error.WriteLine($"[ingest] {line}");
}
