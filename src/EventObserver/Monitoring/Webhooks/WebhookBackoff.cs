namespace EventObserver.Monitoring.Webhooks;

/// <summary>When a failed request is tried again: 1 s, 2 s, 4 s … (capped at 5 min), at most <see cref="MaxAttempts"/> attempts.</summary>
internal static class WebhookBackoff
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        var delay = First * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay < Cap ? delay : Cap;
    }
}
