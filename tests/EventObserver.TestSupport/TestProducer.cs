using System.Text;
using Confluent.Kafka;

namespace EventObserver.TestSupport;

/// <summary>A byte-exact producer for tests: sends what it is given and waits for each delivery.</summary>
public sealed class TestProducer : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer;
    private int _failures;

    public TestProducer(string bootstrapServers)
    {
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 5,
            MessageMaxBytes = 4 * 1024 * 1024,
            // Long enough to ride out a broker outage in the outage tests.
            MessageTimeoutMs = 60_000,
        })
        .SetLogHandler((_, _) => { })
        .Build();
    }

    public DeliveryResult<byte[], byte[]> Send(string topic, byte[]? key, byte[]? value, params (string Key, byte[]? Value)[] headers)
    {
        var message = new Message<byte[], byte[]> { Key = key!, Value = value!, Headers = [] };
        foreach (var (headerKey, headerValue) in headers)
        {
            message.Headers.Add(headerKey, headerValue);
        }

        return _producer.ProduceAsync(topic, message).GetAwaiter().GetResult();
    }

    public DeliveryResult<byte[], byte[]> Send(string topic, string? key, string? value, params (string Key, string Value)[] headers) =>
        Send(
            topic,
            key is null ? null : Encoding.UTF8.GetBytes(key),
            value is null ? null : Encoding.UTF8.GetBytes(value),
            headers.Select(h => (h.Key, (byte[]?)Encoding.UTF8.GetBytes(h.Value))).ToArray());

    /// <summary>Sends <paramref name="count"/> JSON messages <c>{"n":i}</c> with key <c>k{i}</c>, pipelined, and waits for delivery.</summary>
    public void SendMany(string topic, int count, int start = 0)
    {
        Enqueue(topic, count, start);
        Flush();
    }

    /// <summary>
    /// Queues messages like <see cref="SendMany"/> without waiting (<c>{"n":i,"pad":"…"}</c> with <paramref name="padding"/>
    /// characters of padding); <see cref="Flush"/> waits and reports failures.
    /// </summary>
    public void Enqueue(string topic, int count, int start = 0, int padding = 0)
    {
        var pad = padding > 0 ? $",\"pad\":\"{new string('p', padding)}\"" : "";
        for (var i = start; i < start + count; i++)
        {
            _producer.Produce(
                topic,
                new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes($"k{i}"), Value = Encoding.UTF8.GetBytes($"{{\"n\":{i}{pad}}}") },
                report =>
                {
                    if (report.Error.IsError)
                    {
                        Interlocked.Increment(ref _failures);
                    }
                });
        }
    }

    /// <summary>Waits for every queued message; throws when any was not delivered.</summary>
    public void Flush()
    {
        var left = _producer.Flush(TimeSpan.FromSeconds(60));
        var failures = Interlocked.Exchange(ref _failures, 0);
        if (left > 0 || failures > 0)
        {
            throw new InvalidOperationException($"{failures} test messages failed and {left} were still queued.");
        }
    }

    public void Dispose() => _producer.Dispose();
}
