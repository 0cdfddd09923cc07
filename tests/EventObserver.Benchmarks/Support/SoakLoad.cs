namespace EventObserver.Benchmarks.Support;

/// <summary>
/// The soak's readers of the app: hub clients on the whole feed, and one browser with five tabs (the live feed, which
/// measures latency, the lineage, flow map and conventions tabs, and the Replay page following a replay kept running).
/// Disposing closes them all, whatever was opened before a failure.
/// </summary>
internal sealed class SoakLoad : IAsyncDisposable
{
    private readonly List<HubLatencyClient> _hubs = [];

    public IReadOnlyList<HubLatencyClient> Hubs => _hubs;

    /// <summary>The live feed tab; null when no browser could show it (the reason went to stderr).</summary>
    public BrowserLatencyProbe? Feed { get; private set; }

    public SoakTabs? Tabs { get; private set; }

    public ReplayKeeper? Replay { get; private set; }

    public long HubDropped => _hubs.Sum(h => h.Dropped);

    public async Task OpenAsync(HttpClient api, Uri app, int hubClients)
    {
        for (var i = 0; i < hubClients; i++)
        {
            _hubs.Add(await HubLatencyClient.ConnectAsync(app));
        }

        var (feed, problem) = await BrowserLatencyProbe.StartAsync(app);
        if (feed is null)
        {
            Console.Error.WriteLine($"[soak] no browser: {problem}");
            return;
        }

        Feed = feed;
        Tabs = await SoakTabs.OpenAsync(api, feed.Context, app);
        Replay = await ReplayKeeper.StartAsync(api, feed.Context, app);
    }

    /// <summary>Forgets what was measured so far (the start-up), so the figures begin now.</summary>
    public void ResetLatencies()
    {
        foreach (var hub in _hubs)
        {
            hub.Latency.Reset();
        }

        Feed?.Latency.Reset();
    }

    /// <summary>This interval's browser samples and the hub clients' together, each list reset.</summary>
    public (double[] Browser, double[] Hub) TakeLatencies() =>
        ([.. Feed?.Latency.TakeAll() ?? []], [.. _hubs.SelectMany(h => h.Latency.TakeAll())]);

    public async ValueTask DisposeAsync()
    {
        if (Replay is not null)
        {
            await Replay.DisposeAsync();
        }

        if (Feed is not null)
        {
            await Feed.DisposeAsync();
        }

        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
