namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// At most N requests in any sliding minute for one receiver (retries count too: they are requests). Used by that
/// receiver's delivery loop only, so it needs no lock.
/// </summary>
internal sealed class WebhookRateLimiter(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Waits until a request may go, then counts it as sent now.</summary>
    public async Task AcquireAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= Window)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < perMinute)
            {
                _sent.Enqueue(now);
                return;
            }

            await Task.Delay(_sent.Peek() + Window - now, time, ct);
        }
    }
}
