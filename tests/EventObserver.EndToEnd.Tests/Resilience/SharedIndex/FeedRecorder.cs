using System.Collections.Concurrent;
using System.Diagnostics;

using Confluent.Kafka;

using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.EndToEnd.Tests.Resilience.SharedIndex;

/// <summary>
/// A client of one app's live feed (<c>/hubs/events</c>, no filter) noting when each event of the topic first arrived,
/// on the <see cref="Stopwatch"/> clock the probes are sent on.
/// </summary>
internal sealed class FeedRecorder : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _topic;
    private readonly ConcurrentDictionary<(int Partition, long Offset), long> _arrived = new();
    private long _dropped;

    private FeedRecorder(HubConnection connection, string topic)
    {
        _connection = connection;
        _topic = topic;
    }

    /// <summary>Events the hub dropped for this client (it was too slow): a latency test must not blame the index for those.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public static async Task<FeedRecorder> ConnectAsync(Uri app, string topic)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app, "/hubs/events")).Build();
        var recorder = new FeedRecorder(connection, topic);
        connection.On<ReceivedEvent[]>("ReceiveEvents", recorder.OnEvents);
        connection.On<long>("Dropped", count => Interlocked.Add(ref recorder._dropped, count));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", (object?)null);
        return recorder;
    }

    /// <summary>When the event at <paramref name="partition"/>/<paramref name="offset"/> first arrived (Stopwatch ticks), or null.</summary>
    public long? ArrivedAt(int partition, long offset) => _arrived.TryGetValue((partition, offset), out var at) ? at : null;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnEvents(ReceivedEvent[] events)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var e in events.Where(e => e.Topic == _topic))
        {
            _arrived.TryAdd((e.Partition, e.Offset), now);
        }
    }

    /// <summary>The part of the hub's event shape this client reads.</summary>
    private sealed record ReceivedEvent(string Topic, int Partition, long Offset);
}

/// <summary>Sends one message to a chosen partition at a time, noting when it was sent, for feed latencies.</summary>
internal sealed class PartitionProbe(string bootstrapServers, string topic) : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        // Sent at once: the latency measured is the app's, not a linger here.
        LingerMs = 0,
    }).SetLogHandler((_, _) => { }).Build();

    /// <summary>One message to every partition at once; returns where each landed and when it was handed to the client (Stopwatch ticks).</summary>
    public async Task<IReadOnlyList<SentProbe>> SendToEveryPartitionAsync(int partitions)
    {
        var sent = Enumerable.Range(0, partitions).Select(async p =>
        {
            var at = Stopwatch.GetTimestamp();
            var message = new Message<byte[], byte[]> { Key = [], Value = "{\"probe\":true}"u8.ToArray() };
            var result = await _producer.ProduceAsync(new TopicPartition(topic, p), message);
            return new SentProbe(p, result.Offset.Value, at);
        });
        return await Task.WhenAll(sent);
    }

    public void Dispose() => _producer.Dispose();
}

internal sealed record SentProbe(int Partition, long Offset, long SentAt);
