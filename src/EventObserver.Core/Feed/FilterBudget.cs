namespace EventObserver.Core.Feed;

/// <summary>
/// The time all subscriptions of one <see cref="LiveFeed"/> may spend evaluating their filters, together: a bucket
/// refilled at <c>coreShare</c> seconds per second and holding at most <see cref="Burst"/>. Subscribers that find it
/// empty wait; meanwhile their queues fill and drop their oldest events, so an expensive filter costs its own
/// subscriber events, never more than that share of a core, and never ingestion's time.
/// </summary>
internal sealed class FilterBudget
{
    /// <summary>Evaluation time that may be spent at once after a quiet spell.</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(200);

    private readonly object _lock = new();
    private readonly double _share;
    private double _availableSeconds;
    private long _refilledAt;

    public FilterBudget(double coreShare, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coreShare);
        ArgumentNullException.ThrowIfNull(time);
        _share = coreShare;
        Time = time;
        _availableSeconds = Burst.TotalSeconds;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>The clock evaluation is measured with.</summary>
    public TimeProvider Time { get; }

    public bool IsAvailable
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _availableSeconds > 0;
            }
        }
    }

    /// <summary>How long until evaluation may continue (zero when it may now).</summary>
    public TimeSpan UntilAvailable
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _availableSeconds > 0
                    ? TimeSpan.Zero
                    : TimeSpan.FromSeconds(-_availableSeconds / _share) + TimeSpan.FromMilliseconds(1);
            }
        }
    }

    /// <summary>Takes the time an evaluation started at <paramref name="startedAt"/> (a <see cref="Time"/> timestamp) took.</summary>
    public void Charge(long startedAt)
    {
        var spent = Time.GetElapsedTime(startedAt);
        lock (_lock)
        {
            Refill();
            _availableSeconds -= spent.TotalSeconds;
        }
    }

    private void Refill()
    {
        var now = Time.GetTimestamp();
        var elapsed = Time.GetElapsedTime(_refilledAt, now);
        _refilledAt = now;
        _availableSeconds = Math.Min(Burst.TotalSeconds, _availableSeconds + (elapsed.TotalSeconds * _share));
    }
}
