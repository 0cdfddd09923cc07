namespace EventObserver.Components.Shared;

/// <summary>
/// Calls back on a fixed period driven by a <see cref="TimeProvider"/> (a fake one in tests), until disposed.
/// Components use it for live refresh; the period caps how often they render.
/// </summary>
public sealed class PeriodicRefresh : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private PeriodicRefresh(TimeProvider time, TimeSpan period, Func<Task> onTick)
    {
        _ = RunAsync(new PeriodicTimer(period, time), onTick, _stop.Token);
    }

    public static PeriodicRefresh Start(TimeProvider time, TimeSpan period, Func<Task> onTick) => new(time, period, onTick);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static async Task RunAsync(PeriodicTimer timer, Func<Task> onTick, CancellationToken cancellationToken)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    await onTick();
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
                // The circuit or renderer went away between two ticks: nothing left to refresh.
            }
        }
    }
}
