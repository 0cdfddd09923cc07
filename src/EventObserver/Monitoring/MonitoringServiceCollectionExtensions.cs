using EventObserver.Configuration;
using EventObserver.Core.Conversations;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Conversations;

using Microsoft.Extensions.Options;

namespace EventObserver.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Conversation monitoring (EventObserver:Monitoring): the tracker fed by committed batches, the deadline timer,
    /// the snapshot across restarts and the metrics. Registers <c>IConversationView</c> for the page and the API.
    /// With <c>Monitoring:Enabled=false</c> the view is still there (nothing tracked), with no observer and no timer.
    /// </summary>
    public static IServiceCollection AddConversationMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MonitoringOptions>().BindConfiguration(ConfigurationSections.Monitoring).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitoringOptions>, MonitoringOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MonitoringOptions>>().Value);

        services.AddSingleton(sp => new ConversationTracker(sp.GetRequiredService<MonitoringOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConversationTracker>(sp => sp.GetRequiredService<ConversationTracker>());
        services.AddSingleton<IConversationView>(sp => sp.GetRequiredService<ConversationTracker>());

        var enabled = configuration.GetSection(ConfigurationSections.Monitoring).GetValue(nameof(MonitoringOptions.Enabled), defaultValue: true);
        if (!enabled)
        {
            return services;
        }

        services.AddSingleton<IConversationSnapshotStore>(sp => new LiteDbConversationSnapshotStore(
            LiteDbConversationSnapshotStore.PathNextTo(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path),
            sp.GetRequiredService<ILogger<LiteDbConversationSnapshotStore>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationMonitor>();
        services.AddSingleton<ConversationFeed>();
        services.AddSingleton<ICommittedBatchObserver>(sp => sp.GetRequiredService<ConversationFeed>());
        services.AddHostedService<ConversationMonitorService>();
        return services;
    }
}
