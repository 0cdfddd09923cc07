using System.Text;

using EventObserver.Configuration;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Replay;
using EventObserver.Replay;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;
using EventObserver.Tests.Infrastructure;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Replay;

/// <summary>A run manager over a real temp index and projections file; Kafka is never reached by projection runs.</summary>
internal sealed class ReplayHarness : IDisposable
{
    public const string Orders = "orders.events";

    private readonly TempDirectory _directory = new();
    private readonly EventIndexProvider _indexes;
    private readonly ReplayPublisher _publisher;

    public ReplayHarness(ReplayOptions? options = null)
    {
        _indexes = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = Path.Combine(_directory.Path, "index.db"), MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        Index = _indexes.OpenForCluster("test");
        Store = ProjectionStore.Open(Path.Combine(_directory.Path, "projections.db"));
        var kafka = new KafkaOptions { BootstrapServers = "127.0.0.1:1" };
        _publisher = new ReplayPublisher(KafkaConnection.ForCluster(kafka, kafka.BootstrapServers), TimeProvider.System, NullLogger<ReplayPublisher>.Instance);
        Manager = new ReplayRunManager(_indexes, _publisher, Store, Options.Create(options ?? new ReplayOptions()), TimeProvider.System, NullLogger<ReplayRunManager>.Instance);
    }

    public IEventIndex Index { get; }
    public ProjectionStore Store { get; }
    public ReplayRunManager Manager { get; }

    /// <summary>Demo-shop orders: each PlaceOrder, OrderPlaced, StockReserved, PaymentCharged, OrderShipped on partition i % 2.</summary>
    public List<EventEnvelope> SeedOrders(int orders)
    {
        string[] types = ["PlaceOrder", "OrderPlaced", "StockReserved", "PaymentCharged", "OrderShipped"];
        var events = new List<EventEnvelope>();
        var offsets = new long[2];
        for (var step = 0; step < types.Length; step++)
        {
            for (var i = 0; i < orders; i++)
            {
                var partition = i % 2;
                var id = $"ord-{i:D3}";
                events.Add(new EventEnvelope
                {
                    Topic = Orders,
                    Partition = partition,
                    Offset = offsets[partition]++,
                    TimestampMs = 1_760_000_000_000 + events.Count,
                    KeyBytes = Encoding.UTF8.GetBytes(id),
                    Key = id,
                    KeyFormat = KeyFormat.Text,
                    Payload = Encoding.UTF8.GetBytes($$"""{"orderId":"{{id}}","total":{{10 + i}},"currency":"EUR","paymentId":"pay-{{i}}","carrier":"DHL"}"""),
                    PayloadFormat = PayloadFormat.Json,
                    MessageId = $"m-{step}-{i}",
                    MessageType = types[step],
                    Kind = step == 0 ? MessageKind.Command : MessageKind.Event,
                    CorrelationId = "c-" + id,
                });
            }
        }

        Index.Write(events);
        return events;
    }

    public ReplayRun Start(ReplayRequest request)
    {
        var result = Manager.Start(request);
        Assert.True(result.Run is not null, $"not started: {result.Problem} {result.Message}");
        return result.Run;
    }

    public static async Task<ReplayRunSnapshot> FinishedAsync(ReplayRun run)
    {
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return run.Snapshot;
    }

    public static Task<ReplayRunSnapshot> WaitAsync(ReplayRun run, Func<ReplayRunSnapshot, bool> predicate) =>
        run.WaitForAsync(predicate, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        Manager.Dispose();
        _publisher.Dispose();
        Store.Dispose();
        _indexes.Dispose();
        _directory.Dispose();
    }
}
