using System.Diagnostics;
using System.Globalization;
using EventObserver.Kafka.Embedded;

namespace EventObserver.TestSupport.Chaos;

/// <summary>
/// Jepsen-style repeated faults against the real app in its own process: a mock cluster owned here (the broker lives
/// outside the app), a steady producer, SIGKILLs of the app at random moments (restarted at once) and outages of every
/// broker, interleaved in a seeded random order. Afterwards the app catches up and ends by SIGTERM, and the index file
/// is compared with what was produced. Shared by the <c>chaos</c> benchmark and the short CI test.
/// </summary>
public static class ChaosDriver
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SlowResume = TimeSpan.FromSeconds(2);

    public static async Task<ChaosResult> RunAsync(ChaosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var progress = options.Progress ?? (_ => { });
        using var cluster = new MockKafkaCluster(options.Brokers);
        var topic = "chaos-" + options.Seed.ToString(CultureInfo.InvariantCulture);
        cluster.CreateTopic(topic, options.Partitions);
        using var temp = new TempDirectory("eventobserver-chaos");
        var storagePath = temp.File("index.db");
        using var producer = new AuditedProducer(cluster.BootstrapServers, topic, options.EventsPerSecond, options.Seed);
        var resume = new List<double>();
        var plan = Plan(options.Kills, options.Outages, random);
        var clock = Stopwatch.StartNew();
        var app = await StartAsync(cluster.BootstrapServers, storagePath);
        try
        {
            producer.Start();
            await app.WaitForIndexedAsync(n => n > 0, StartTimeout, "the first indexed batch");
            int kills = 0, outages = 0;
            foreach (var isKill in plan)
            {
                await Task.Delay(Between(random, options.Calm, options.Calm * 2));
                if (isKill)
                {
                    app = await KillAndRestartAsync(app, cluster.BootstrapServers, storagePath, random, options.Calm);
                    progress($"[{clock.Elapsed:mm\\:ss}] kill {++kills}/{options.Kills}: restarted (pid {app.Id}), produced {producer.Queued:N0}");
                }
                else
                {
                    var duration = Between(random, options.MinOutage, options.MaxOutage);
                    var (took, delivered) = await OutageAsync(app, cluster, producer, duration);
                    resume.Add(took.TotalMilliseconds);
                    progress($"[{clock.Elapsed:mm\\:ss}] outage {++outages}/{options.Outages}: {duration.TotalSeconds:0.0} s down, first new event indexed {took.TotalMilliseconds:0} ms after return (steady producer delivering again after {delivered?.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) ?? "-"} ms)");
                    if (took > SlowResume)
                    {
                        progress("slow resume; the app's last lines:\n" + Tail(app.Output, 30));
                    }
                }
            }

            producer.StopAndFlush(TimeSpan.FromMinutes(2));
            var produced = producer.Delivered.Count;
            progress($"[{clock.Elapsed:mm\\:ss}] production stopped at {produced:N0} delivered; waiting for the app to catch up");
            await app.WaitForIndexedAsync(n => n >= produced, options.CatchUpTimeout, $"all {produced} produced messages indexed");
            var (exitCode, exitTook) = await app.TerminateAsync(TimeSpan.FromSeconds(30));
            progress($"[{clock.Elapsed:mm\\:ss}] app ended by SIGTERM in {exitTook.TotalMilliseconds:0} ms with code {exitCode}");
        }
        finally
        {
            await app.DisposeAsync();
        }

        var audit = IndexAudit.Compare(storagePath, topic, producer.Delivered);
        progress($"[{clock.Elapsed:mm\\:ss}] audit: {producer.Delivered.Count:N0} produced, {audit.Lost} lost ({audit.HashMismatches} with another payload), {audit.Duplicated} duplicated ({audit.BrokerCopies} messages the broker holds twice after a producer retry, indexed as such)");
        foreach (var detail in audit.Details)
        {
            progress("  " + detail);
        }

        return new ChaosResult(options.Kills, options.Outages, producer.Delivered.Count, audit.Lost, audit.Duplicated, audit.HashMismatches, resume);
    }

    /// <summary>The faults in a seeded random order: true for a kill, false for an outage.</summary>
    public static IReadOnlyList<bool> Plan(int kills, int outages, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var plan = Enumerable.Repeat(true, kills).Concat(Enumerable.Repeat(false, outages)).ToArray();
        random.Shuffle(plan);
        return plan;
    }

    private static Task<AppProcess> StartAsync(string bootstrapServers, string storagePath) =>
        AppProcess.StartAsync(bootstrapServers, storagePath, new Dictionary<string, string>
        {
            // Warnings still show (the outages make librdkafka say so); the rest would only fill the kept output.
            ["Logging__LogLevel__Default"] = "Warning",
            // Ingestion's own lines and librdkafka's group notices (rejoins, session timeouts) explain a slow resume.
            ["Logging__LogLevel__EventObserver.Kafka.Ingestion"] = "Information",
        });

    /// <summary>Waits until this app instance is indexing (so the kill lands during ingestion), a random moment more, then SIGKILL and restart.</summary>
    private static async Task<AppProcess> KillAndRestartAsync(AppProcess app, string bootstrapServers, string storagePath, Random random, TimeSpan calm)
    {
        var before = await app.WaitForIndexedAsync(_ => true, StartTimeout, "the app's first answer");
        await app.WaitForIndexedAsync(n => n > before, StartTimeout, "new events indexed before the kill");
        await Task.Delay(Between(random, TimeSpan.Zero, calm));
        app.Kill();
        await app.DisposeAsync();
        return await StartAsync(bootstrapServers, storagePath);
    }

    /// <summary>
    /// Every broker down for <paramref name="duration"/>; returns the time from their return to the first newly indexed
    /// event (a probe message from a fresh client is sent right away, so there is one), and to the steady producer's first
    /// new delivery when seen by then.
    /// </summary>
    private static async Task<(TimeSpan Indexed, TimeSpan? Delivered)> OutageAsync(AppProcess app, MockKafkaCluster cluster, AuditedProducer producer, TimeSpan duration)
    {
        cluster.SetAllBrokersDown();
        await Task.Delay(duration);
        var baseline = await app.WaitForIndexedAsync(_ => true, StartTimeout, "the indexed total during the outage");
        var deliveredBefore = producer.Delivered.Count;
        cluster.SetAllBrokersUp();
        var since = Stopwatch.StartNew();
        var probe = Task.Run(() => producer.SendProbe(cluster.BootstrapServers, ResumeTimeout));
        TimeSpan? delivered = null;
        while (since.Elapsed < ResumeTimeout)
        {
            if (delivered is null && producer.Delivered.Count > deliveredBefore)
            {
                delivered = since.Elapsed;
            }

            if (await app.GetIndexedAsync() is { } indexed && indexed > baseline)
            {
                var took = since.Elapsed;
                await probe;
                return (took, delivered);
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Nothing new was indexed within {ResumeTimeout} of the brokers' return.\n{app.Output}");
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private static TimeSpan Between(Random random, TimeSpan low, TimeSpan high) =>
        low + (high - low) * random.NextDouble();
}
