using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace EventObserver.Features.Feed;

/// <summary>
/// Moves one connection's subscription to its client: batches of up to <see cref="FeedHubOptions.BatchSize"/>
/// events, each sent at most <see cref="FeedHubOptions.BatchInterval"/> after its first event arrived, sooner
/// when no more events follow within <see cref="FeedHubOptions.BatchLinger"/>.
/// Memory stays bounded for a slow client: the subscription queue drops its oldest events, and while a send
/// waits longer than <see cref="FeedHubOptions.SendTimeout"/> no further send is started (SignalR would
/// queue them); those batches are dropped and counted instead.
/// </summary>
internal sealed class HubBatchPump : IAsyncDisposable
{
    private readonly IFeedSubscription _subscription;
    private readonly IClientProxy _client;
    private readonly FeedHubOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private Task? _pendingSend;
    private Task<bool>? _wait;
    private long _sent;
    private long _droppedHere;
    private long _reported;

    public HubBatchPump(string connectionId, IFeedSubscription subscription, IClientProxy client, FeedHubOptions options, ILogger logger)
    {
        (ConnectionId, _subscription, _client, _options, _logger) = (connectionId, subscription, client, options, logger);
        _run = Task.Run(() => RunAsync(_stop.Token));
    }

    public string ConnectionId { get; }

    public FeedConnectionStats Stats => new(
        ConnectionId,
        _subscription.Filter,
        Interlocked.Read(ref _sent),
        _subscription.Dropped + Interlocked.Read(ref _droppedHere),
        _subscription.Reader.CanCount ? _subscription.Reader.Count : 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription.Dispose();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var batch = new List<EventEnvelope>(_options.BatchSize);
        try
        {
            while (await WaitAsync(timeout: null) == true)
            {
                await FillAsync(batch);
                await SendAsync(batch, stop);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Unsubscribed or disconnected.
        }
        catch (Exception e)
        {
            FeedHubLog.PumpFailed(_logger, e, ConnectionId);
        }
    }

    /// <summary>
    /// Reads until the batch is full, or no more events came for <see cref="FeedHubOptions.BatchLinger"/>, or the
    /// batch interval since its first event has passed. Ingestion publishes whole index batches at once, so a
    /// short linger collects one of them without holding it back until the next.
    /// </summary>
    private async Task FillAsync(List<EventEnvelope> batch)
    {
        var started = Environment.TickCount64;
        Drain(batch);
        while (batch.Count < _options.BatchSize)
        {
            var left = _options.BatchInterval - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            // Null: nothing more within the linger or the interval, send what there is; false: the feed ended.
            if (await WaitAsync(left < _options.BatchLinger ? left : _options.BatchLinger) != true)
            {
                return;
            }

            Drain(batch);
        }
    }

    /// <summary>
    /// Whether events are queued (true) or the feed ended (false); null when <paramref name="timeout"/> passed first.
    /// The reader's wait is kept across timeouts instead of being cancelled: ending each linger by cancelling threw about
    /// 18 exceptions a second per client at 5,000 events/s. Readers allow one waiter beside a taker, which this is.
    /// </summary>
    private async Task<bool?> WaitAsync(TimeSpan? timeout)
    {
        var wait = _wait ??= _subscription.Reader.WaitToReadAsync(_stop.Token).AsTask();
        if (!wait.IsCompleted && timeout is { } linger)
        {
            await Task.WhenAny(wait, Task.Delay(linger));
            if (!wait.IsCompleted)
            {
                return null;
            }
        }

        _wait = null;
        return await wait;
    }

    private void Drain(List<EventEnvelope> batch)
    {
        while (batch.Count < _options.BatchSize && _subscription.Reader.TryRead(out var envelope))
        {
            batch.Add(envelope);
        }
    }

    private async Task SendAsync(List<EventEnvelope> batch, CancellationToken stop)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (_pendingSend is { IsCompleted: false })
        {
            Interlocked.Add(ref _droppedHere, batch.Count);
            FeedDrops.Record(batch.Count, FeedDrops.ClientSlow);
            return;
        }

        var dropped = _subscription.Dropped + Interlocked.Read(ref _droppedHere);
        if (dropped > _reported)
        {
            var notice = dropped - _reported;
            _reported = dropped;
            if (!await TrySendAsync(FeedHubMethods.Dropped, notice, stop))
            {
                Interlocked.Add(ref _droppedHere, batch.Count);
                FeedDrops.Record(batch.Count, FeedDrops.ClientSlow);
                return;
            }
        }

        var events = new FeedEventDto[batch.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = FeedEventDto.From(batch[i]);
        }

        // A send that times out is still delivered when it completes, so its events count as sent.
        Interlocked.Add(ref _sent, events.Length);
        await TrySendAsync(FeedHubMethods.ReceiveEvents, events, stop);
    }

    /// <summary>
    /// Sends and waits up to the send timeout, or until the pump stops; false when the send is still pending (it is
    /// kept as pending).
    /// </summary>
    private async Task<bool> TrySendAsync(string method, object argument, CancellationToken stop)
    {
        // The send itself gets no token: cancelling a SignalR write in flight aborts the connection. Only the wait is
        // cancelled, so a disconnected client's pump ends at once instead of after the send timeout.
        var send = SendObservedAsync(method, argument);
        try
        {
            await send.WaitAsync(_options.SendTimeout, stop);
            return true;
        }
        catch (TimeoutException)
        {
            _pendingSend = send;
            FeedHubLog.SlowClient(_logger, ConnectionId);
            return false;
        }
    }

    private async Task SendObservedAsync(string method, object argument)
    {
        try
        {
            await _client.SendAsync(method, argument);
        }
        catch (Exception e)
        {
            FeedHubLog.SendFailed(_logger, e, ConnectionId);
        }
    }
}
