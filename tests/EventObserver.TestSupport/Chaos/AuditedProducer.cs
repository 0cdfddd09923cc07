using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;

namespace EventObserver.TestSupport.Chaos;

/// <summary>
/// Produces JSON messages at a steady rate on its own thread and remembers, for every delivered one, its position and
/// a hash of its value: what the index must hold afterwards. Messages wait in the client through broker outages (long
/// message timeout).
/// </summary>
public sealed class AuditedProducer : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly string _topic;
    private readonly int _eventsPerSecond;
    private readonly Random _random;
    private readonly ConcurrentDictionary<(int Partition, long Offset), long> _delivered = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _queued;
    private long _failed;
    private long _probes;
    private string? _firstError;

    public AuditedProducer(string bootstrapServers, string topic, int eventsPerSecond, int seed)
    {
        _topic = topic;
        _eventsPerSecond = eventsPerSecond;
        _random = new Random(seed);
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 5,
            // Not idempotent: after two outages in a row the idempotent producer was seen holding every message ~43 s
            // (its producer-id recovery), which the resume time would have charged to the app. A retried message the
            // broker keeps twice is told apart by the audit (the same payload at two offsets) and not counted as the app's.
            EnableIdempotence = false,
            MessageTimeoutMs = 600_000,
            QueueBufferingMaxMessages = 2_000_000,
            // The producer is the load, not the subject: back at once when the brokers return, so resume times measure the app.
            ReconnectBackoffMs = 50,
            ReconnectBackoffMaxMs = 200,
            RequestTimeoutMs = 2_000,
            SocketConnectionSetupTimeoutMs = 2_000,
        })
        .SetLogHandler((_, _) => { })
        .SetErrorHandler((_, _) => { })
        .Build();
    }

    /// <summary>Delivered messages: (partition, offset) → hash of the value.</summary>
    public IReadOnlyDictionary<(int Partition, long Offset), long> Delivered => _delivered;

    public long Queued => Interlocked.Read(ref _queued);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>
    /// Sends one message through a fresh client and waits for its delivery (recorded like the others). The steady client
    /// was seen holding its backlog for up to two minutes after an outage; a fresh one connects at once, so the time to the
    /// first newly indexed event measures the app, not the load generator.
    /// </summary>
    public void SendProbe(string bootstrapServers, TimeSpan timeout)
    {
        using var probe = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            MessageTimeoutMs = (int)timeout.TotalMilliseconds,
        })
        .SetLogHandler((_, _) => { })
        .SetErrorHandler((_, _) => { })
        .Build();
        var n = Interlocked.Increment(ref _probes);
        var value = Encoding.UTF8.GetBytes($"{{\"probe\":{n},\"id\":\"{Guid.NewGuid():N}\"}}");
        var result = probe.ProduceAsync(_topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes($"probe{n}"), Value = value })
            .GetAwaiter().GetResult();
        _delivered[(result.Partition.Value, result.Offset.Value)] = Hash(value);
    }

    public static long Hash(ReadOnlySpan<byte> value) => BitConverter.ToInt64(SHA256.HashData(value));

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "chaos-producer" };
        _thread.Start();
    }

    /// <summary>Stops producing and waits until every queued message is delivered or has failed.</summary>
    public void StopAndFlush(TimeSpan timeout)
    {
        _stop.Cancel();
        _thread?.Join();
        var left = _producer.Flush(timeout);
        if (left > 0 || Failed > 0)
        {
            throw new InvalidOperationException($"{Failed} produced messages failed ({_firstError}) and {left} were still queued after {timeout}.");
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!_stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * _eventsPerSecond);
            for (; sent < due && !_stop.IsCancellationRequested; sent++)
            {
                ProduceOne(sent);
            }

            _stop.Token.WaitHandle.WaitOne(5);
        }
    }

    private void ProduceOne(long n)
    {
        // Varied content, so a hash compares more than the counter.
        var pad = new char[_random.Next(16, 200)];
        for (var i = 0; i < pad.Length; i++)
        {
            pad[i] = (char)('a' + _random.Next(26));
        }

        var value = Encoding.UTF8.GetBytes($"{{\"n\":{n},\"pad\":\"{new string(pad)}\"}}");
        var hash = Hash(value);
        var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes($"k{n}"), Value = value };
        while (true)
        {
            try
            {
                _producer.Produce(_topic, message, report => OnDelivery(report, hash));
                Interlocked.Increment(ref _queued);
                return;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report, long hash)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstError, report.Error.Reason, null);
            return;
        }

        _delivered[(report.Partition.Value, report.Offset.Value)] = hash;
    }
}
