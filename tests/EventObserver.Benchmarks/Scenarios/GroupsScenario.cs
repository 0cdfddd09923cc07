using System.Diagnostics;
using System.Text;
using System.Text.Json;

using EventObserver.Benchmarks.Support;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.Storage.Groups;
using EventObserver.Storage.Index;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>groups</c>: 500 groups each committed on 1,000 partitions (20 topics x 50), a real index of 1,000,000
/// events over those partitions (1,000 per partition, all indexed), offsets moving between refreshes. Times whole
/// refreshes of <see cref="ConsumerGroupMonitor"/> (fake admin from memory, time lag from the index, lag history into a
/// real LiteDB file) and single uncached time-lag lookups. <c>refreshP95Ms</c> is the target (≤ 1000).
/// </summary>
internal static class GroupsScenario
{
    private const int Topics = 20;
    private const int PartitionsPerTopic = 50;
    private const int Warmup = 2;
    private const int Lookups = 2_000;

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        "{\"orderId\":\"order-00000000\",\"customerId\":\"cust-00000\",\"currency\":\"EUR\",\"total\":123.45}");

    public static async Task RunAsync(int groups, int refreshes, int events)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-groups-bench-").FullName;
        try
        {
            var partitions = Enumerable.Range(0, Topics * PartitionsPerTopic)
                .Select(i => new TopicPartitionKey($"bench.topic-{i / PartitionsPerTopic:D2}", i % PartitionsPerTopic))
                .ToArray();
            var perPartition = events / partitions.Length;
            var baseMs = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
            using var index = LiteDbEventIndex.Open(Path.Combine(directory, "index.db"));
            var write = Stopwatch.StartNew();
            Fill(index, partitions, perPartition, baseMs);
            Report($"indexed {perPartition * partitions.Length:N0} events on {partitions.Length:N0} partitions in {write.Elapsed.TotalSeconds:N1} s");

            var current = new SingleIndex(index);
            var uncached = UncachedLookups(current, partitions, perPartition);
            Report($"uncached time-lag lookup: p50 {Percentile(uncached, 50):N3} ms, p95 {Percentile(uncached, 95):N3} ms ({Lookups:N0} random positions)");

            var admin = new BenchGroupAdmin(groups, partitions, perPartition, lagAtMost: perPartition * 9 / 10);
            using var history = LiteDbLagHistoryStore.Open(Path.Combine(directory, LiteDbLagHistoryStore.DefaultFileName));
            var options = new GroupsOptions();
            using var monitor = new ConsumerGroupMonitor(options, TimeProvider.System, history, current, NullLogger<ConsumerGroupMonitor>.Instance, admin);
            var times = new List<double>();
            for (var run = 0; run < refreshes + Warmup; run++)
            {
                var reads = monitor.TimeLagIndexReads;
                var watch = Stopwatch.StartNew();
                var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);
                watch.Stop();
                if (snapshot.Error is not null || snapshot.Groups.Count != groups)
                {
                    throw new InvalidOperationException($"refresh failed: {snapshot.Error ?? snapshot.Groups.Count + " groups"}");
                }

                if (run >= Warmup)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                var exact = snapshot.Groups.Sum(g => g.Partitions.Count(p => p.TimeLag.Status == TimeLagStatus.Exact));
                Report($"refresh {run + 1}: {watch.Elapsed.TotalMilliseconds:N0} ms, {monitor.TimeLagIndexReads - reads:N0} index reads, "
                    + $"{exact:N0} exact time lags, total lag {snapshot.Groups.Sum(g => g.TotalLag):N0}");
                admin.Advance(step: 20);
            }

            Report($"refresh: p50 {Percentile(times, 50):N0} ms, p95 {Percentile(times, 95):N0} ms over {times.Count} refreshes; "
                + $"history samples of one group: {monitor.History("service-000", TimeSpan.FromHours(1)).Count}");
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["scenario"] = "groups",
                ["groups"] = groups,
                ["partitions"] = partitions.Length,
                ["refreshP95Ms"] = Math.Round(Percentile(times, 95), 1),
                ["timeLagLookupP95Ms"] = Math.Round(Percentile(uncached, 95), 3),
            }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Fill(LiteDbEventIndex index, TopicPartitionKey[] partitions, int perPartition, long baseMs)
    {
        var batch = new List<EventEnvelope>(50_000);
        foreach (var key in partitions)
        {
            for (var offset = 0; offset < perPartition; offset++)
            {
                batch.Add(new EventEnvelope
                {
                    Topic = key.Topic,
                    Partition = key.Partition,
                    Offset = offset,
                    TimestampMs = baseMs + (offset * 5_000L),
                    TimestampKind = TimestampKind.CreateTime,
                    Payload = Payload,
                    PayloadFormat = PayloadFormat.Json,
                    MessageId = $"{key.Topic}-{key.Partition}-{offset}",
                    MessageType = "OrderPlaced",
                    Kind = MessageKind.Event,
                    Source = "bench",
                });
            }

            if (batch.Count >= 50_000)
            {
                index.Write(batch);
                batch.Clear();
            }
        }

        index.Write(batch);
    }

    // Each lookup on a fresh resolver: a position no refresh has cached, so one range read of up to DefaultReadAhead offsets.
    private static List<double> UncachedLookups(ICurrentIndex index, TopicPartitionKey[] partitions, int perPartition)
    {
        var random = new Random(7);
        var times = new List<double>(Lookups);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Lookups; i++)
        {
            var resolver = new TimeLagResolver(index);
            var key = partitions[random.Next(partitions.Length)];
            var offset = random.Next(perPartition - 1);
            var watch = Stopwatch.StartNew();
            var lag = resolver.Resolve(key, offset, perPartition, now);
            watch.Stop();
            if (lag.Status != TimeLagStatus.Exact)
            {
                throw new InvalidOperationException($"{key}@{offset}: {lag.Status}");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static void Report(string line) => Console.Error.WriteLine($"[groups] {line}");
}
