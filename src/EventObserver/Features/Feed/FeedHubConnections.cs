using EventObserver.Access.Enforcement;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Feed;

/// <summary>
/// The live-feed subscription and send pump of every hub connection that called <c>Subscribe</c>,
/// by connection id. A connection has at most one; it ends on <c>Unsubscribe</c> or disconnect.
/// </summary>
public sealed class FeedHubConnections : IAsyncDisposable
{
    private readonly ILiveFeed _feed;
    private readonly IHubContext<EventsHub> _hub;
    private readonly FeedHubOptions _options;
    private readonly ILogger<FeedHubConnections> _logger;
    private readonly Dictionary<string, HubBatchPump> _pumps = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public FeedHubConnections(ILiveFeed feed, IHubContext<EventsHub> hub, IOptions<FeedHubOptions> options, ILogger<FeedHubConnections> logger)
    {
        _feed = feed;
        _hub = hub;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Connections with a subscription.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pumps.Count;
            }
        }
    }

    public FeedConnectionStats? Stats(string connectionId)
    {
        lock (_lock)
        {
            return _pumps.TryGetValue(connectionId, out var pump) ? pump.Stats : null;
        }
    }

    /// <summary>
    /// Starts streaming matching events to the connection as <paramref name="view"/> lets its user see them (readable
    /// topics, masked values), replacing its previous subscription.
    /// </summary>
    public async Task SubscribeAsync(string connectionId, EventSelection filter, AccessView view)
    {
        var subscription = AccessFeed.Subscribe(_feed, filter, _options.SubscriptionCapacity, view);
        var pump = new HubBatchPump(connectionId, subscription, _hub.Clients.Client(connectionId), _options, _logger);
        HubBatchPump? previous;
        lock (_lock)
        {
            _pumps.Remove(connectionId, out previous);
            _pumps[connectionId] = pump;
        }

        FeedHubLog.Subscribed(_logger, connectionId);
        if (previous is not null)
        {
            await previous.DisposeAsync();
        }
    }

    /// <summary>Stops the connection's subscription, if any.</summary>
    public async Task UnsubscribeAsync(string connectionId)
    {
        HubBatchPump? pump;
        lock (_lock)
        {
            _pumps.Remove(connectionId, out pump);
        }

        if (pump is not null)
        {
            var stats = pump.Stats;
            await pump.DisposeAsync();
            FeedHubLog.Unsubscribed(_logger, connectionId, stats.Sent, stats.Dropped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        HubBatchPump[] pumps;
        lock (_lock)
        {
            pumps = [.. _pumps.Values];
            _pumps.Clear();
        }

        foreach (var pump in pumps)
        {
            await pump.DisposeAsync();
        }
    }
}
