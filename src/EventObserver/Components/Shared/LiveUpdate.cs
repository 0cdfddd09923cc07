namespace EventObserver.Components.Shared;

/// <summary>
/// The one way a component follows something that changes while it is shown. Changes are announced with
/// <see cref="Request"/> from any thread; the first renders at once, later ones at most once per <see cref="Interval"/>,
/// and the changes in between collapse into one render at the end of the interval. Renders never overlap: a change
/// during a render is rendered after it. A source that cannot announce its changes is polled with
/// <see cref="StartTicking"/> (a request every interval); a channel is followed with <see cref="Follow{T}"/>.
/// Timing comes from a <see cref="TimeProvider"/> (a fake one in tests); after <see cref="Dispose"/> no render starts.
/// </summary>
public sealed partial class LiveUpdate : IDisposable, IAsyncDisposable
{
    /// <summary>At most 10 renders a second: what a live feed or a running replay needs to look live.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private readonly Func<Task> _render;
    private ITimer? _deferred;
    private ITimer? _ticker;
    private TaskCompletionSource _rendered = NewSignal();
    private long _lastStart;
    private bool _startedOnce;
    private bool _running;
    private bool _pending;
    private bool _disposed;
    private int _ticksToSkip;
    private int _renders;
    private int _skippedTicks;
    private int _failedRenders;
    private Exception? _lastFailure;

    public LiveUpdate(TimeProvider time, TimeSpan interval, Func<Task> render)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _time = time;
        Interval = interval;
        _render = render;
    }

    public TimeSpan Interval { get; }

    /// <summary>Renders started so far.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>Ticks passed over because of <see cref="SkipTicks"/>.</summary>
    public int SkippedTicks => Volatile.Read(ref _skippedTicks);

    /// <summary>Renders that threw (the updates went on after each).</summary>
    public int FailedRenders => Volatile.Read(ref _failedRenders);

    /// <summary>What the last failed render threw; null when none has failed.</summary>
    public Exception? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>A poll: renders every <paramref name="period"/> (the first one period from now) until disposed.</summary>
    public static LiveUpdate Every(TimeProvider time, TimeSpan period, Func<Task> render)
    {
        var update = new LiveUpdate(time, period, render);
        update.StartTicking();
        return update;
    }

    /// <summary>Something changed: render now, or at the end of the interval, or after the render in progress.</summary>
    public void Request()
    {
        lock (_sync)
        {
            if (_disposed || _deferred is not null)
            {
                return;
            }

            if (_running)
            {
                _pending = true;
                return;
            }

            if (!TryBeginLocked())
            {
                return;
            }
        }

        _ = RunAsync();
    }

    /// <summary>Requests a render every <see cref="Interval"/> (the first one interval from now) until stopped or disposed.</summary>
    public void StartTicking()
    {
        lock (_sync)
        {
            if (!_disposed && _ticker is null)
            {
                _ticker = _time.CreateTimer(_ => Tick(), null, Interval, Interval);
            }
        }
    }

    public void StopTicking()
    {
        lock (_sync)
        {
            _ticker?.Dispose();
            _ticker = null;
        }
    }

    /// <summary>Lets the next <paramref name="count"/> ticks pass without a render (a poll whose last read was costly).</summary>
    public void SkipTicks(int count)
    {
        lock (_sync)
        {
            _ticksToSkip = Math.Max(0, count);
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            DisposeLocked();
        }
    }

    /// <summary>Disposes, then waits for a render in progress to end (never call it from inside the render).</summary>
    public async ValueTask DisposeAsync()
    {
        Task idle;
        lock (_sync)
        {
            DisposeLocked();
            idle = _running ? _rendered.Task : Task.CompletedTask;
        }

        await idle;
        await StopFollowingAsync();
    }

    /// <summary>Completes when the next render ends (at once after disposal).</summary>
    private Task NextRenderAsync()
    {
        lock (_sync)
        {
            return _disposed ? Task.CompletedTask : _rendered.Task;
        }
    }

    private void Tick()
    {
        lock (_sync)
        {
            if (_ticksToSkip > 0)
            {
                _ticksToSkip--;
                _skippedTicks++;
                return;
            }
        }

        Request();
    }

    private void OnDeferred()
    {
        lock (_sync)
        {
            _deferred?.Dispose();
            _deferred = null;
            if (_disposed || _running || !TryBeginLocked())
            {
                return;
            }
        }

        _ = RunAsync();
    }

    /// <summary>Marks a render as started, or schedules it for the end of the interval (false).</summary>
    private bool TryBeginLocked()
    {
        var wait = _startedOnce ? Interval - _time.GetElapsedTime(_lastStart) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            _deferred = _time.CreateTimer(_ => OnDeferred(), null, wait, Timeout.InfiniteTimeSpan);
            return false;
        }

        _startedOnce = true;
        _running = true;
        _lastStart = _time.GetTimestamp();
        _renders++;
        return true;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await _render();
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away between the change and the render.
            }
            catch (InvalidOperationException)
            {
                // The renderer is gone (component disposed).
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A render whose read failed (a transient error of the index or the cluster) must not end the updates:
                // unhandled here, the render would stay marked as running and no later change or tick would render.
                Volatile.Write(ref _lastFailure, e);
                Interlocked.Increment(ref _failedRenders);
            }

            TaskCompletionSource rendered;
            bool again;
            lock (_sync)
            {
                _running = false;
                rendered = _rendered;
                _rendered = NewSignal();
                again = _pending && !_disposed;
                _pending = false;
                again = again && TryBeginLocked();
            }

            rendered.TrySetResult();
            if (!again)
            {
                return;
            }
        }
    }

    private void DisposeLocked()
    {
        _disposed = true;
        _deferred?.Dispose();
        _deferred = null;
        _ticker?.Dispose();
        _ticker = null;
        _follow?.Cancel();
        if (!_running)
        {
            _rendered.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
