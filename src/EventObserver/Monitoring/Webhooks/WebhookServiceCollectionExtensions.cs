namespace EventObserver.Monitoring.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Alert delivery to EventObserver:Monitoring:Webhooks (the <c>IConversationAlertSink</c>).</summary>
    public static IServiceCollection AddConversationWebhooks(this IServiceCollection services)
    {
        return services;
    }
}
