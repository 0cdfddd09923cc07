namespace EventObserver.Monitoring.Webhooks;

/// <summary>Runs every receiver's delivery loop side by side (none waits for another) until the app stops.</summary>
public sealed partial class WebhookDeliveryService(WebhookAlertSink sink, IHttpClientFactory clients, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> (its timeout is one attempt's).</summary>
    public const string HttpClientName = "EventObserver.Webhooks";

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sink.Receivers.Select(r => RunAsync(r, stoppingToken)));

    private async Task RunAsync(WebhookReceiver receiver, CancellationToken ct)
    {
        try
        {
            await receiver.RunAsync(clients.CreateClient(HttpClientName), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            // Never into the app: alerts are a side channel.
            LogStopped(logger, receiver.Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Receiver}: delivery stopped")]
    private static partial void LogStopped(ILogger logger, string receiver, Exception exception);
}
