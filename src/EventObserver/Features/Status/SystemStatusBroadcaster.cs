namespace EventObserver.Features.Status;

/// <summary>
/// Reads the <see cref="SystemStatus"/> once per <see cref="Period"/> for all open pages together and pushes each
/// snapshot to its subscribers (every tab's status bar), instead of every tab polling <see cref="StatusQueries"/>. The timer runs only
/// while someone subscribes; with no subscriber nothing is read unless <see cref="Current"/> is asked for.
/// </summary>
public sealed class SystemStatusBroadcaster(StatusQueries queries, TimeProvider time, ILogger<SystemStatusBroadcaster> logger) : IDisposable
{
    /// <summary>The status changes slowly; once a second is plenty.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Lock _sync = new();
    private Subscription[] _subscribers = [];
    private ITimer? _timer;
    private SystemStatus? _latest;
    private long _readAt;
    private int _reading;
    private int _reads;
    private bool _disposed;

    /// <summary>Status reads so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public int Subscribers => Volatile.Read(ref _subscribers).Length;

    /// <summary>
    /// The newest snapshot: while anyone subscribes, the one last pushed; otherwise read now, at most once per period
    /// (a page's first render).
    /// </summary>
    public SystemStatus Current
    {
        get
        {
            lock (_sync)
            {
                if (_latest is { } latest && (_timer is not null || time.GetElapsedTime(_readAt) < Period))
                {
                    return latest;
                }

                return ReadLocked() ?? _latest ?? queries.Read();
            }
        }
    }

    /// <summary>Calls <paramref name="onStatus"/> (on a timer thread) with every snapshot read from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<SystemStatus> onStatus)
    {
        var subscription = new Subscription(this, onStatus);
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _subscribers = [.. _subscribers, subscription];
            _timer ??= time.CreateTimer(_ => Tick(), null, Period, Period);
        }

        return subscription;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _subscribers = [];
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_sync)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
            if (_subscribers.Length == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private void Tick()
    {
        // A read slower than the period (a busy index) makes the next tick pass instead of piling reads up.
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            return;
        }

        try
        {
            SystemStatus? status;
            lock (_sync)
            {
                status = _disposed ? null : ReadLocked();
            }

            if (status is null)
            {
                return;
            }

            foreach (var subscription in Volatile.Read(ref _subscribers))
            {
                subscription.Push(status);
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Reads and keeps the snapshot; null when the read failed (the previous snapshot stays).</summary>
    private SystemStatus? ReadLocked()
    {
        try
        {
            var status = queries.Read();
            _latest = status;
            _readAt = time.GetTimestamp();
            _reads++;
            return status;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The index can be switched or closed under a read (cluster change, shutdown): keep showing the last one.
            logger.LogWarning(e, "Reading the system status failed");
            return null;
        }
    }

    private void SubscriberFailed(Exception e) => logger.LogWarning(e, "A status subscriber failed");

    private sealed class Subscription(SystemStatusBroadcaster owner, Action<SystemStatus> onStatus) : IDisposable
    {
        private int _disposed;

        public void Push(SystemStatus status)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            try
            {
                onStatus(status);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                owner.SubscriberFailed(e);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(this);
            }
        }
    }
}
