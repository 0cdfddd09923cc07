using EventObserver.Configuration;
using EventObserver.Core.Conversations;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EventObserver.Monitoring.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Alert delivery to EventObserver:Monitoring:Webhooks (an <c>IConversationAlertSink</c> beside any others) and the
    /// validation of that part of <see cref="MonitoringOptions"/>. The options themselves are bound by
    /// AddConversationMonitoring (binding twice would add every receiver twice).
    /// </summary>
    public static IServiceCollection AddConversationWebhooks(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitoringOptions>, WebhookOptionsValidator>());
        services.AddSingleton<WebhookAlertSink>();
        services.AddSingleton<IConversationAlertSink>(sp => sp.GetRequiredService<WebhookAlertSink>());
        services.AddHostedService<WebhookDeliveryService>();

        // Our own log lines name the receiver; the factory's would print each request's URL, whose path may be the secret.
        services.AddHttpClient(WebhookDeliveryService.HttpClientName, client =>
        {
            client.Timeout = WebhookDeliveryService.RequestTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("EventObserver-Webhooks");
        }).RemoveAllLoggers();
        return services;
    }
}
