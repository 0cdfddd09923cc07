namespace EventObserver.Components.Replay;

/// <summary>
/// Turns a burst of change notifications (from any thread) into at most one render per <see cref="Interval"/>:
/// the first request renders at once, later ones within the interval collapse into one render at its end.
/// Timing comes from a <see cref="TimeProvider"/> (a fake one in tests).
/// </summary>
public sealed class RenderThrottle : IDisposable
{
    /// <summary>At most 10 renders a second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private readonly Func<Task> _render;
    private ITimer? _timer;
    private long _lastRender;
    private bool _rendered;
    private bool _disposed;

    public RenderThrottle(TimeProvider time, TimeSpan interval, Func<Task> render)
    {
        _time = time;
        Interval = interval;
        _render = render;
    }

    public TimeSpan Interval { get; }

    /// <summary>Renders started so far.</summary>
    public int Renders { get; private set; }

    public void Request()
    {
        TimeSpan wait;
        lock (_sync)
        {
            if (_disposed || _timer is not null)
            {
                return;
            }

            wait = _rendered ? Interval - _time.GetElapsedTime(_lastRender) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _timer = _time.CreateTimer(_ => Fire(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }

            MarkRendered();
        }

        _ = RenderAsync();
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Fire()
    {
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed)
            {
                return;
            }

            MarkRendered();
        }

        _ = RenderAsync();
    }

    private void MarkRendered()
    {
        _rendered = true;
        _lastRender = _time.GetTimestamp();
        Renders++;
    }

    private async Task RenderAsync()
    {
        try
        {
            await _render();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the notification and the render.
        }
        catch (InvalidOperationException)
        {
            // The renderer is gone (component disposed).
        }
    }
}
