using System.Threading.Channels;

using EventObserver.Core.Envelopes;

namespace EventObserver.Components.Feed;

/// <summary>
/// Drains a feed subscription in the background and hands what arrived to <c>flush</c> at most once per
/// <see cref="Interval"/>, whatever the ingest rate: the view renders a bounded number of times per second.
/// Timing comes from a <see cref="TimeProvider"/> (a fake one in tests).
/// </summary>
public sealed class FeedPump : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly ChannelReader<EventEnvelope> _reader;
    private readonly TimeProvider _time;
    private readonly Func<IReadOnlyList<EventEnvelope>, Task> _flush;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private FeedPump(ChannelReader<EventEnvelope> reader, TimeProvider time, TimeSpan interval, Func<IReadOnlyList<EventEnvelope>, Task> flush)
    {
        _reader = reader;
        _time = time;
        Interval = interval;
        _flush = flush;
        _run = Task.Run(() => RunAsync(_stop.Token));
    }

    public TimeSpan Interval { get; }

    /// <summary>Batches handed to flush so far.</summary>
    public int Flushes { get; private set; }

    public static FeedPump Start(ChannelReader<EventEnvelope> reader, TimeProvider time, TimeSpan interval, Func<IReadOnlyList<EventEnvelope>, Task> flush) =>
        new(reader, time, interval, flush);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // The first batch goes out at once; later ones wait for the rest of the interval.
        var lastFlush = _time.GetTimestamp() - (long)(Interval.TotalSeconds * _time.TimestampFrequency);
        var pending = new List<EventEnvelope>();
        try
        {
            while (await _reader.WaitToReadAsync(cancellationToken))
            {
                Drain(pending);
                var wait = Interval - _time.GetElapsedTime(lastFlush);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken);
                    Drain(pending);
                }

                lastFlush = _time.GetTimestamp();
                var batch = pending;
                pending = [];
                Flushes++;
                await _flush(batch);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between two flushes: nothing left to render.
        }
    }

    private void Drain(List<EventEnvelope> pending)
    {
        while (_reader.TryRead(out var envelope))
        {
            pending.Add(envelope);
        }
    }
}
