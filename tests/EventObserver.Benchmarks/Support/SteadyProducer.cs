using System.Diagnostics;
using Confluent.Kafka;
using EventObserver.Benchmarks.Scenarios;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// Produces ~1 KB JSON events at a steady rate on its own thread, round-robin over topics and partitions,
/// each stamped with the produce time as its Kafka timestamp (CreateTime) so receivers can measure latency.
/// </summary>
internal sealed class SteadyProducer : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly IReadOnlyList<TopicPartition> _partitions;
    private readonly int _rate;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _produced;
    private long _failures;

    public SteadyProducer(string bootstrapServers, IReadOnlyList<TopicPartition> partitions, int rate)
    {
        _partitions = partitions;
        _rate = rate;
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            // Measured here: with a 2 ms linger the mock cluster hands out about one tiny batch per partition per
            // fetch and caps any consumer near 5,000 events/s at a fraction of a core (latency grows to ~10 s while
            // the app idles). 20 ms is an ordinary producer setting and takes that artefact of the mock out.
            LingerMs = 20,
            QueueBufferingMaxMessages = 200_000,
        }).SetLogHandler((_, _) => { }).Build();
    }

    public long Produced => Interlocked.Read(ref _produced);

    public long Failures => Interlocked.Read(ref _failures);

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "steady-producer" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        var i = 0;
        while (!_stop.IsCancellationRequested)
        {
            // Catch up to rate × elapsed, then sleep a little: a steady rate, not bursts of a second's worth.
            var due = (long)(clock.Elapsed.TotalSeconds * _rate);
            while (_produced < due && !_stop.IsCancellationRequested)
            {
                Produce(i++);
            }

            Thread.Sleep(1);
        }
    }

    private void Produce(int i)
    {
        var message = new Message<byte[], byte[]>
        {
            Key = BenchEvents.Key(i),
            Value = BenchEvents.Value(i),
            Headers = [],
            Timestamp = new Timestamp(DateTime.UtcNow, TimestampType.CreateTime),
        };
        foreach (var (key, value) in BenchEvents.Headers(i))
        {
            message.Headers.Add(key, value);
        }

        while (true)
        {
            try
            {
                _producer.Produce(_partitions[i % _partitions.Count], message, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref _failures);
                    }
                });
                Interlocked.Increment(ref _produced);
                return;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(5));
            }
        }
    }
}
