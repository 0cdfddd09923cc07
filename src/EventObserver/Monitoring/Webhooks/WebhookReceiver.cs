using System.Net.Http.Headers;
using System.Threading.Channels;

using EventObserver.Core.Conversations;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// One receiver's queue and delivery loop. Each receiver has its own, so a receiver that is down or slow only holds up
/// its own alerts. The loop waits <c>WebhookBatchWindow</c> after the first alert so the alerts of one moment travel in
/// one request, then for the rate limit, then sends; a failed request is tried again with back-off carrying the same
/// body (the same alert ids), and dropped after <see cref="WebhookBackoff.MaxAttempts"/> attempts with one error log.
/// </summary>
internal sealed partial class WebhookReceiver
{
    /// <summary>Alerts per request at most; the rest go in the next one.</summary>
    public const int MaxAlertsPerRequest = 100;

    private readonly Channel<ConversationAlert> _queue;
    private readonly WebhookOptions _options;
    private readonly Uri _url;
    private readonly WebhookLinks _links;
    private readonly TimeSpan _window;
    private readonly WebhookRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _overflowed;
    private long _delivered;
    private long _dropped;
    private long _requests;

    public WebhookReceiver(int index, WebhookOptions options, MonitoringOptions monitoring, int capacity, TimeProvider time, ILogger logger)
    {
        _options = options;
        _url = new Uri(options.Url, UriKind.Absolute);
        Name = string.IsNullOrWhiteSpace(options.Name) ? $"Webhooks:{index} ({_url.Scheme}://{_url.Authority})" : options.Name;
        _links = new WebhookLinks(monitoring.PublicUrl);
        _window = monitoring.WebhookBatchWindow;
        _limiter = new WebhookRateLimiter(monitoring.WebhookMaxRequestsPerMinute, time);
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<ConversationAlert>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How logs name it (never the whole URL).</summary>
    public string Name { get; }

    /// <summary>Alerts refused because the queue was full.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

    /// <summary>Alerts the receiver accepted (a 2xx answer).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Alerts given up on after every attempt failed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>HTTP requests made, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Never waits: false (and counted) when the queue is full.</summary>
    public bool TryEnqueue(ConversationAlert alert)
    {
        if (_queue.Writer.TryWrite(alert))
        {
            return true;
        }

        Interlocked.Increment(ref _overflowed);
        return false;
    }

    /// <summary>Delivers until <paramref name="ct"/> is cancelled; alerts still queued then are lost (they live in memory only).</summary>
    public async Task RunAsync(HttpClient http, CancellationToken ct)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            await Task.Delay(_window, _time, ct);
            await _limiter.AcquireAsync(ct);

            // Read after the waits: alerts that came in while this receiver was rate-limited join this request.
            var batch = new List<ConversationAlert>();
            while (batch.Count < MaxAlertsPerRequest && reader.TryRead(out var alert))
            {
                batch.Add(alert);
            }

            try
            {
                await DeliverAsync(http, batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Interlocked.Add(ref _dropped, batch.Count);
                LogDeliveryFailed(_logger, Name, batch.Count, e);
            }
        }
    }

    private async Task DeliverAsync(HttpClient http, List<ConversationAlert> batch, CancellationToken ct)
    {
        var body = _options.Format == WebhookFormat.Slack ? WebhookSlackBody.Write(batch, _links) : WebhookJsonBody.Write(batch, _links);
        var delivery = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var failure = await SendAsync(http, body, delivery, ct);
            if (failure is null)
            {
                Interlocked.Add(ref _delivered, batch.Count);
                LogDelivered(_logger, batch.Count, Name, attempt);
                return;
            }

            if (attempt >= WebhookBackoff.MaxAttempts)
            {
                Interlocked.Add(ref _dropped, batch.Count);
                LogDropped(_logger, Name, batch.Count, attempt, failure);
                return;
            }

            var wait = WebhookBackoff.After(attempt);
            if (attempt == 1)
            {
                LogFailing(_logger, Name, failure, wait);
            }
            else
            {
                LogRetryFailed(_logger, Name, attempt, failure, wait);
            }

            await Task.Delay(wait, _time, ct);
            await _limiter.AcquireAsync(ct);
        }
    }

    /// <summary>One attempt: null when the receiver answered 2xx, else why not.</summary>
    private async Task<string?> SendAsync(HttpClient http, byte[] body, string delivery, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery);
        if (!string.IsNullOrEmpty(_options.Secret))
        {
            // Signed per attempt: the timestamp is the attempt's, the body the same bytes every time.
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(_options.Secret, timestamp, body));
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            // The message names host and port at most, never the URL's path (which may be a secret).
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook: {Alerts} alerts delivered to {Receiver} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, int alerts, string receiver, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Receiver} failed ({Failure}); trying again in {Wait} with back-off")]
    private static partial void LogFailing(ILogger logger, string receiver, string failure, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {Receiver} attempt {Attempt} failed ({Failure}); next in {Wait}")]
    private static partial void LogRetryFailed(ILogger logger, string receiver, int attempt, string failure, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Receiver}: {Alerts} alerts dropped after {Attempts} failed attempts (last: {Failure})")]
    private static partial void LogDropped(ILogger logger, string receiver, int alerts, int attempts, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Receiver}: {Alerts} alerts dropped, delivering them failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string receiver, int alerts, Exception exception);
}
