using System.Diagnostics;
using System.Globalization;
using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.TestSupport.Postgres;

using Xunit.Abstractions;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>
/// A rough figure, not a timed assertion: events per second of <c>Write</c> for batches of 5,000 demo-like events
/// (about 500 bytes of JSON, CloudEvents headers, ids, 12 partitions). Shown in the test output.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteRateTests(PostgresFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const int BatchSize = 5_000;
    private const int Batches = 12;
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Write_DemoLikeBatches_ReportsEventsPerSecond()
    {
        using var index = _db.Open();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var batches = Enumerable.Range(0, Batches).Select(b => Batch(b, now)).ToList();
        index.Write(batches[0]); // warm-up: connections, statement plans, the first day partitions

        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = ServerCpuSeconds();
        var clock = Stopwatch.StartNew();
        var stored = batches.Skip(1).Sum(batch => index.Write(batch));
        clock.Stop();
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        serverCpu = ServerCpuSeconds() - serverCpu;

        Assert.Equal((Batches - 1) * BatchSize, stored);
        var rate = stored / clock.Elapsed.TotalSeconds;
        var bytes = Convert.ToInt64(_db.Scalar("SELECT pg_total_relation_size('eventobserver.events_default') + coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'eventobserver.events'::regclass), 0)"), CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"postgres write: {stored:N0} events in {clock.Elapsed.TotalSeconds:0.00} s = {rate:N0} events/s (batches of {BatchSize:N0}); {bytes / (double)(stored + BatchSize):N0} bytes per event on disk; CPU: this process {clientCpu.TotalSeconds:0.0} s, PostgreSQL {serverCpu:0.0} s"));
    }

    /// <summary>CPU seconds used so far by every process of the server (the postgres OS user's, or all named postgres).</summary>
    private static double ServerCpuSeconds()
    {
        double ticks = 0;
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (!stat[..close].Contains("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }

        return ticks / 100;
    }

    private static List<EventEnvelope> Batch(int batch, long now)
    {
        var events = new List<EventEnvelope>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var n = (batch * BatchSize) + i;
            var partition = n % 12;
            var offset = n / 12;
            var id = Guid.NewGuid().ToString();
            var correlation = $"order-{n / 5}";
            var payload = Encoding.UTF8.GetBytes(
                $"{{\"orderId\":\"{correlation}\",\"customerId\":\"customer-{n % 997}\",\"status\":\"Placed\",\"currency\":\"EUR\","
                + $"\"lines\":[{{\"sku\":\"SKU-{n % 311}\",\"quantity\":{(n % 7) + 1},\"unitPrice\":{(n % 50) + 9.99}}},"
                + $"{{\"sku\":\"SKU-{(n + 17) % 311}\",\"quantity\":1,\"unitPrice\":4.5}}],\"shipping\":{{\"street\":\"Hauptstrasse {n % 200}\","
                + $"\"city\":\"Berlin\",\"zip\":\"10{n % 1000:000}\",\"country\":\"DE\"}},\"placedAt\":\"2026-12-03T10:00:00Z\",\"note\":\"demo traffic\"}}");
            events.Add(new EventEnvelope
            {
                Topic = partition < 6 ? "shop.orders" : "shop.payments",
                Partition = partition % 6,
                Offset = offset,
                TimestampMs = now + n,
                TimestampKind = TimestampKind.CreateTime,
                KeyBytes = Encoding.UTF8.GetBytes(correlation),
                Key = correlation,
                KeyFormat = KeyFormat.Text,
                Headers =
                [
                    new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes(id)),
                    new EnvelopeHeader("ce_type", "OrderPlaced"u8.ToArray()),
                    new EnvelopeHeader("ce_source", "order-service"u8.ToArray()),
                    new EnvelopeHeader("ce_correlationid", Encoding.UTF8.GetBytes(correlation)),
                ],
                Payload = payload,
                PayloadFormat = PayloadFormat.Json,
                MessageId = id,
                MessageType = "OrderPlaced",
                Kind = MessageKind.Event,
                CorrelationId = correlation,
                CausationId = n % 5 == 0 ? null : $"cause-{n - 1}",
                Source = "order-service",
            });
        }

        return events;
    }
}
