using System.Globalization;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Judges ingestion progress from the lag samples (every couple of seconds), indexed batches and retention gaps, by
/// the clock of a <see cref="TimeProvider"/>. Degraded when the broker has data beyond the index and nothing was
/// indexed for <c>stallAfter</c>, when the lag grew at every sample for that long, or when retention took messages
/// within that time. Behind when the backlog is at least <see cref="BehindMinMessages"/> and five seconds of indexing.
/// Thread-safe.
/// </summary>
public sealed class IngestionWatchdog(TimeProvider time, TimeSpan stallAfter)
{
    public static readonly TimeSpan DefaultStallAfter = TimeSpan.FromSeconds(30);

    public const long BehindMinMessages = 1000;
    private const double BehindSeconds = 5;
    private const double CaughtUpSeconds = 2;

    private readonly Lock _sync = new();
    private readonly Queue<(DateTimeOffset At, long Messages)> _recentGaps = new();
    private long? _lag;
    private DateTimeOffset _lagAt;
    private DateTimeOffset? _backlogSince;
    private DateTimeOffset? _growingSince;
    private DateTimeOffset? _behindSince;
    private DateTimeOffset? _indexedAt;

    public TimeSpan StallAfter { get; } = stallAfter > TimeSpan.Zero ? stallAfter : DefaultStallAfter;

    /// <summary>A new lag sample (messages on the broker beyond the index) and the current indexing rate.</summary>
    public void ObserveLag(long lag, double eventsPerSec)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (lag <= 0)
            {
                _backlogSince = null;
                _growingSince = null;
            }
            else
            {
                _backlogSince ??= now;
                if (_lag is { } previous && lag < previous)
                {
                    _growingSince = null;
                }
                else if (_lag is { } before && lag > before)
                {
                    _growingSince ??= _lagAt;
                }
            }

            var rate = Math.Max(0, eventsPerSec);
            if (lag >= Math.Max(BehindMinMessages, rate * BehindSeconds))
            {
                _behindSince ??= now;
            }
            else if (lag < Math.Max(BehindMinMessages / 2, rate * CaughtUpSeconds))
            {
                _behindSince = null;
            }

            _lag = lag;
            _lagAt = now;
        }
    }

    public void ObserveIndexed()
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            _indexedAt = now;
        }
    }

    public void ObserveGap(long messages)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            _recentGaps.Enqueue((now, messages));
        }
    }

    /// <param name="brokerConnected">Stalls are judged only while the broker answers (an outage is reported as such).</param>
    public IngestionHealth Evaluate(bool brokerConnected)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            while (_recentGaps.TryPeek(out var old) && now - old.At > StallAfter)
            {
                _recentGaps.Dequeue();
            }

            var reasons = new List<string>();
            var lag = _lag ?? 0;
            if (brokerConnected && lag > 0 && _backlogSince is { } backlog)
            {
                var quietSince = _indexedAt is { } indexed && indexed > backlog ? indexed : backlog;
                if (now - quietSince >= StallAfter)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture,
                        $"ingestion stalled: broker has {lag:N0} messages beyond the index and nothing was indexed for {Seconds(now - quietSince)} s"));
                }
            }

            if (_growingSince is { } growing && now - growing >= StallAfter)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"lag growing for {Seconds(now - growing)} s (now {lag:N0} messages)"));
            }

            var lost = _recentGaps.Sum(g => g.Messages);
            if (lost > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{lost:N0} messages deleted by the broker before they were indexed in the last {Seconds(StallAfter)} s (retention gaps)"));
            }

            return reasons.Count == 0 && _behindSince is null
                ? IngestionHealth.Fine
                : new IngestionHealth(reasons, _behindSince is null ? null : lag, _behindSince);
        }
    }

    private static long Seconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);
}
