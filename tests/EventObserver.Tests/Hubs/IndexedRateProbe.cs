using System.Diagnostics;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

namespace EventObserver.Tests.Hubs;

/// <summary>
/// Watches one topic's events leave the index writer (the live feed is published right after each commit) and
/// gives the indexed rate of a backlog. It subscribes without a filter, so the feed's filter budget never delays it.
/// </summary>
public sealed class IndexedRateProbe : IAsyncDisposable
{
    private readonly IFeedSubscription _subscription;
    private readonly string _topic;
    private readonly int _expected;
    private readonly List<(long At, int Seen)> _arrivals = [];
    private readonly Task _reading;
    private readonly CancellationTokenSource _stop = new();

    public IndexedRateProbe(ILiveFeed feed, string topic, int expected)
    {
        _topic = topic;
        _expected = expected;
        _subscription = feed.Subscribe(EventSelection.All, capacity: 10 * expected);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>
    /// Events per second from the first commit that started once <paramref name="backlogReadyAt"/> (a Stopwatch
    /// timestamp) had passed, to the last; null when too little of the backlog was left by then to measure.
    /// </summary>
    public async Task<double?> RateAsync(long backlogReadyAt, TimeSpan timeout)
    {
        await _reading.WaitAsync(timeout);
        var start = _arrivals.FindLastIndex(a => a.At <= backlogReadyAt);
        var (startAt, startSeen) = start < 0 ? _arrivals[0] : _arrivals[start];
        var (lastAt, lastSeen) = _arrivals[^1];
        var measured = lastSeen - startSeen;
        return measured < _expected / 2 ? null : measured / Stopwatch.GetElapsedTime(startAt, lastAt).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription.Dispose();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var seen = 0;
        while (seen < _expected && await _subscription.Reader.WaitToReadAsync(_stop.Token))
        {
            var before = seen;
            while (_subscription.Reader.TryRead(out var envelope))
            {
                seen += envelope.Topic == _topic ? 1 : 0;
            }

            if (seen > before)
            {
                _arrivals.Add((Stopwatch.GetTimestamp(), seen));
            }
        }
    }
}
