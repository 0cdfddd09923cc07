using EventObserver.TestSupport;

namespace EventObserver.EndToEnd.Tests.Resilience.SharedIndex;

/// <summary>
/// Messages <c>{"n":i}</c> numbered from 0 without gaps, keyed <c>k{i}</c> (spread over the partitions), sent as a
/// backlog by the test and by a steady background loop at once: after <see cref="StopSteadyAsync"/> the total is exactly
/// what the index must hold.
/// </summary>
internal sealed class NumberedProducer(string bootstrapServers, string topic) : IDisposable
{
    private readonly TestProducer _producer = new(bootstrapServers);
    private readonly Lock _gate = new();
    private int _enqueued;
    private CancellationTokenSource? _stopSteady;
    private Task? _steady;

    public int Enqueued
    {
        get
        {
            lock (_gate)
            {
                return _enqueued;
            }
        }
    }

    /// <summary>Queues <paramref name="count"/> more messages and waits until the broker has them all.</summary>
    public void Send(int count)
    {
        Enqueue(count);
        _producer.Flush();
    }

    /// <summary>A steady stream beside the test's own steps: <paramref name="perTick"/> messages every <paramref name="interval"/>.</summary>
    public void StartSteady(int perTick, TimeSpan interval)
    {
        _stopSteady = new CancellationTokenSource();
        var stop = _stopSteady.Token;
        _steady = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Enqueue(perTick);
                try
                {
                    await Task.Delay(interval, stop);
                }
                catch (OperationCanceledException)
                {
                    // Stopped between two ticks.
                }
            }
        });
    }

    /// <summary>Ends the steady stream and waits for every delivery; returns how many messages were produced in all.</summary>
    public async Task<int> StopSteadyAsync()
    {
        if (_stopSteady is not null)
        {
            await _stopSteady.CancelAsync();
            await _steady!;
        }

        _producer.Flush();
        return Enqueued;
    }

    public void Dispose()
    {
        _stopSteady?.Cancel();
        _steady?.Wait(TimeSpan.FromSeconds(5));
        _stopSteady?.Dispose();
        _producer.Dispose();
    }

    private void Enqueue(int count)
    {
        // Numbering and queueing together: the payloads stay unique and gapless whoever sends.
        lock (_gate)
        {
            _producer.Enqueue(topic, count, start: _enqueued);
            _enqueued += count;
        }
    }
}
