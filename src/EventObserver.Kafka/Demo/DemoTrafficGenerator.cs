using Confluent.Kafka;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Embedded;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// Simulates a small shop (storefront, order, inventory, payment, shipping and notification services, and a legacy warehouse sync job)
/// at <see cref="DemoOptions.OrdersPerSecond"/>, plus bursts on request. On by default with the embedded
/// broker; with a real cluster only when <see cref="DemoOptions.Enabled"/> is true (or <see cref="Burst"/> is called).
/// Register it as a singleton and as a hosted service resolved from that singleton. With the embedded schema registry,
/// the payment service's events are Avro and the shipping service's Protobuf (registry framing); otherwise all JSON.
/// </summary>
public sealed partial class DemoTrafficGenerator : BackgroundService
{
    private const int MaxOrdersInFlight = 512;
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(50);

    private readonly KafkaConnection _connection;
    private readonly DemoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoTrafficGenerator> _logger;
    private readonly string? _registryUrl;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _slots = new(MaxOrdersInFlight);
    private readonly Lazy<(IProducer<byte[], byte[]> Producer, DemoSender Sender, DemoSchemaEncoder? Schemas)> _producer;
    private long _ordersStarted;
    private long _ordersRunning;
    private long _ordersLate;
    private int _disposed;

    public DemoTrafficGenerator(
        KafkaConnection connection, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoTrafficGenerator> logger, EmbeddedSchemaRegistryHost? schemaRegistry = null)
    {
        _connection = connection;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _registryUrl = schemaRegistry?.Url;
        _producer = new Lazy<(IProducer<byte[], byte[]>, DemoSender, DemoSchemaEncoder?)>(CreateProducer);
    }

    /// <summary>True when the payment and shipping services' events are sent as Avro and Protobuf.</summary>
    public bool SendsSchemaEncoded => _registryUrl is not null;

    /// <summary>True when steady demo traffic runs (the default with the embedded broker).</summary>
    public bool IsEnabled => _options.Enabled ?? _connection.IsEmbedded;

    public long OrdersStarted => Interlocked.Read(ref _ordersStarted);

    /// <summary>Messages delivered to the cluster so far.</summary>
    public long MessagesProduced => _producer.IsValueCreated ? _producer.Value.Sender.MessagesProduced : 0;

    /// <summary>Orders whose chains are still being produced (late orders waiting for their shipment are not among them).</summary>
    public long OrdersRunning => Interlocked.Read(ref _ordersRunning);

    /// <summary>Late orders (<see cref="DemoOptions.LateRate"/>) waiting out <see cref="DemoOptions.LateDelay"/> before they ship and complete.</summary>
    public long OrdersLate => Interlocked.Read(ref _ordersLate);

    /// <summary>Starts <paramref name="orders"/> orders at once (chains still unfold step by step).</summary>
    public void Burst(int orders)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orders);
        LogBurst(_logger, orders);
        for (var i = 0; i < orders; i++)
        {
            StartOrder();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down after a failed or slow start may dispose the generator before stopping it.
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                await _lifetime.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        await base.StopAsync(cancellationToken);
    }

    // Registered as a singleton and as a hosted service, the container disposes it twice.
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Cancel();
        if (_producer.IsValueCreated)
        {
            _producer.Value.Producer.Dispose();
            _producer.Value.Schemas?.Dispose();
        }

        _lifetime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled || _options.OrdersPerSecond <= 0)
        {
            return;
        }

        LogStarted(_logger, _options.OrdersPerSecond, _connection.BootstrapServers);
        var tick = TimeSpan.FromSeconds(1 / _options.OrdersPerSecond);
        tick = tick < MinTick ? MinTick : tick;
        var perTick = _options.OrdersPerSecond * tick.TotalSeconds;
        var owed = 0.0;
        using var timer = new PeriodicTimer(tick, _time);
        try
        {
            StartOrder();
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                for (owed += perTick; owed >= 1; owed--)
                {
                    StartOrder();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        // Let running chains see the cancellation before the producer goes away.
        for (var waited = 0; (OrdersRunning > 0 || OrdersLate > 0) && waited < 40; waited++)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private void StartOrder()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        var number = Interlocked.Increment(ref _ordersStarted);
        _ = RunOrderAsync(number, _lifetime.Token);
    }

    private async Task RunOrderAsync(long number, CancellationToken ct)
    {
        Interlocked.Increment(ref _ordersRunning);
        Func<CancellationToken, Task>? rest = null;
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                var sender = _producer.Value.Sender;
                await DemoOddities.SendDueAsync(sender, number, ct);
                await LegacyWarehouse.SendDueAsync(sender, number, ct);
                rest = await new OrderScenario(sender, _options, TimeSpan.FromMilliseconds(400)).RunAsync(ct);
                if (rest is not null)
                {
                    // Counted as late before it stops counting as running, so "nothing running or late" is never seen early.
                    Interlocked.Increment(ref _ordersLate);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            // A demo order must never take the app down.
            LogOrderFailed(_logger, e);
        }
        finally
        {
            Interlocked.Decrement(ref _ordersRunning);
        }

        if (rest is not null)
        {
            await RunLateAsync(rest, ct);
        }
    }

    // Outside the order slots: a late order's minutes-long wait must not hold up the orders behind it.
    private async Task RunLateAsync(Func<CancellationToken, Task> rest, CancellationToken ct)
    {
        try
        {
            await rest(ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            LogOrderFailed(_logger, e);
        }
        finally
        {
            Interlocked.Decrement(ref _ordersLate);
        }
    }

    private (IProducer<byte[], byte[]>, DemoSender, DemoSchemaEncoder?) CreateProducer()
    {
        var producer = new ProducerBuilder<byte[], byte[]>(_connection.CreateProducerConfig("eventobserver-demo"))
            .SetLogHandler((_, message) => LogNative(_logger, message.Facility, message.Message))
            .Build();
        var schemas = _registryUrl is null ? null : new DemoSchemaEncoder(_registryUrl);
        return (producer, new DemoSender(producer, _time, _logger, schemas), schemas);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic: {OrdersPerSecond} orders/s into {BootstrapServers}")]
    private static partial void LogStarted(ILogger logger, double ordersPerSecond, string bootstrapServers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic: burst of {Orders} orders")]
    private static partial void LogBurst(ILogger logger, int orders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: an order failed")]
    private static partial void LogOrderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo producer {Facility}: {Text}")]
    private static partial void LogNative(ILogger logger, string facility, string text);
}
