using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// A .NET SignalR client of /hubs/events recording produce-timestamp → receipt latency of every event. With an API key
/// it sends it as <c>X-Api-Key</c> and as the access token (<c>Authorization: Bearer</c>; browsers' transports put it in
/// the <c>access_token</c> query parameter instead).
/// </summary>
internal sealed class HubLatencyClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _received;
    private long _dropped;

    private HubLatencyClient(HubConnection connection)
    {
        _connection = connection;
    }

    public LatencyRecorder Latency { get; } = new();

    public long Received => Interlocked.Read(ref _received);

    public long Dropped => Interlocked.Read(ref _dropped);

    public static async Task<HubLatencyClient> ConnectAsync(Uri app, string? apiKey = null)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app, "/hubs/events"), options =>
        {
            if (apiKey is not null)
            {
                options.Headers["X-Api-Key"] = apiKey;
                options.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
            }
        }).Build();
        var client = new HubLatencyClient(connection);
        connection.On<ReceivedEvent[]>("ReceiveEvents", client.OnEvents);
        connection.On<long>("Dropped", count => Interlocked.Add(ref client._dropped, count));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", new { });
        return client;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnEvents(ReceivedEvent[] events)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var e in events)
        {
            Latency.Record(now - e.TimestampMs);
        }

        Interlocked.Add(ref _received, events.Length);
    }

    /// <summary>The part of the hub's event shape this client reads.</summary>
    private sealed record ReceivedEvent(string Topic, int Partition, long Offset, long TimestampMs);
}
