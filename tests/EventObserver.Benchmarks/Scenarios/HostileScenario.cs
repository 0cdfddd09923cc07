using System.Diagnostics;
using System.Text.Json;
using EventObserver.Core.Selection;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>hostile</c> (issue 16, finding 1): the real app (its own process) indexes backlogs of 150,000 small JSON
/// events and 20 of 64 KB of 'a', alternately with and without ten hub subscribers whose text filter is the costliest
/// allowed (the longest text, all but its last character matching the large payloads). Reports the indexed rates of
/// both and the share the hostile runs keep (target: 90 % of the median without them).
/// </summary>
internal static class HostileScenario
{
    private const int SmallMessages = 150_000;
    private const int HostileClients = 10;
    private const int Partitions = 8;

    private static readonly string HostileText = new string('a', EventSelection.MaxTextLength - 1) + "b";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(int pairs)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-bench-hostile-").FullName;
        try
        {
            using var cluster = new MockKafkaCluster(brokers: 1);
            var environment = new Dictionary<string, string>
            {
                ["EventObserver__Kafka__MetadataRefreshMs"] = "1000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            await using var app = await AppProcess.StartAsync(cluster.BootstrapServers, Path.Combine(directory, "index.db"), environment);
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var producer = new TestProducer(cluster.BootstrapServers);

            // One unmeasured run with them, so that no measured run is a cold one (JIT, hub, filter code).
            await MeasureAsync(cluster, app, producer, hostile: true, run: 0);
            var with = new List<double>();
            var without = new List<double>();
            for (var pair = 0; pair < pairs; pair++)
            {
                foreach (var hostile in pair % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var rate = await MeasureAsync(cluster, app, producer, hostile, run: with.Count + without.Count + 1);
                    Report($"{(hostile ? "with" : "without")}: {(rate is { } r ? $"{r:N0}/s" : "not measurable (indexed while produced)")}");
                    (hostile ? with : without).AddRange(rate is { } value ? [value] : []);
                }
            }

            var medianWith = Median(with);
            var medianWithout = Median(without);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["scenario"] = "hostile",
                ["clients"] = HostileClients,
                ["textLength"] = HostileText.Length,
                ["smallMessages"] = SmallMessages,
                ["largeMessages"] = HostileBacklog.LargeMessages,
                ["withPerSec"] = with.Select(r => Math.Round(r)).ToArray(),
                ["withoutPerSec"] = without.Select(r => Math.Round(r)).ToArray(),
                ["medianWithPerSec"] = Math.Round(medianWith),
                ["medianWithoutPerSec"] = Math.Round(medianWithout),
                ["shareKept"] = medianWithout > 0 ? Math.Round(medianWith / medianWithout, 3) : null,
            }));
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The indexed rate of a new backlog, from the app's indexed total sampled every 20 ms: from the last sample before
    /// the backlog was all delivered to the one that holds all of it. Null when more than half was indexed by then.
    /// </summary>
    private static async Task<double?> MeasureAsync(MockKafkaCluster cluster, AppProcess app, TestProducer producer, bool hostile, int run)
    {
        var topic = $"backlog-{run}";
        cluster.CreateTopic(topic, Partitions);
        var clients = new List<HubConnection>();
        try
        {
            if (hostile)
            {
                for (var i = 0; i < HostileClients; i++)
                {
                    var client = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/events")).Build();
                    clients.Add(client);
                    await client.StartAsync();
                    await client.InvokeAsync("Subscribe", new { text = HostileText });
                }
            }

            var before = await app.GetIndexedAsync() ?? throw new InvalidOperationException("the app does not answer /api/stats");
            var target = before + SmallMessages + HostileBacklog.LargeMessages;
            var samples = new List<(long At, long Indexed)>();
            var sampling = Task.Run(async () =>
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < RunTimeout)
                {
                    var indexed = await app.GetIndexedAsync();
                    lock (samples)
                    {
                        samples.Add((Stopwatch.GetTimestamp(), indexed ?? before));
                    }

                    if (indexed >= target)
                    {
                        return;
                    }

                    await Task.Delay(20);
                }

                throw new TimeoutException($"{topic}: indexed {samples[^1].Indexed - before:N0} of {target - before:N0} in {RunTimeout}.");
            });

            HostileBacklog.Produce(producer, topic, SmallMessages);
            var deliveredAt = Stopwatch.GetTimestamp();
            await sampling;
            var start = samples.FindLastIndex(s => s.At <= deliveredAt);
            var (startAt, startIndexed) = samples[Math.Max(start, 0)];
            var (endAt, endIndexed) = samples[^1];
            var measured = endIndexed - startIndexed;
            return measured < (target - before) / 2 ? null : measured / Stopwatch.GetElapsedTime(startAt, endAt).TotalSeconds;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static double Median(List<double> rates)
    {
        var sorted = rates.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Report(string line) => Console.Error.WriteLine($"[hostile] {line}");
}
