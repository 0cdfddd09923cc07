using EventObserver.Core.Groups;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Groups;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>The consumer group monitor: lag history file, the refresh loop and the view pages, API and metrics read.</summary>
public static class GroupMonitorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConsumerGroupMonitor"/> as <see cref="IConsumerGroupView"/> and as a hosted service, and the
    /// lag history (<c>lag-history.db</c> next to the index file). <see cref="IConsumerGroupAdmin"/> is optional: it is
    /// registered only when <c>EventObserver:Groups:Enabled</c>; without it the view has no groups and says why.
    /// </summary>
    public static IServiceCollection AddConsumerGroupMonitor(this IServiceCollection services)
    {
        services.AddSingleton<ILagHistoryStore>(sp =>
            new DeferredLagHistoryStore(LiteDbLagHistoryStore.PathNextTo(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path)));
        services.AddSingleton(sp => new ConsumerGroupMonitor(
            sp.GetRequiredService<IOptions<GroupsOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILagHistoryStore>(),
            sp.GetRequiredService<Core.Indexing.ICurrentIndex>(),
            sp.GetRequiredService<ILogger<ConsumerGroupMonitor>>(),
            sp.GetService<IConsumerGroupAdmin>()));
        services.AddSingleton<IConsumerGroupView>(sp => sp.GetRequiredService<ConsumerGroupMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<ConsumerGroupMonitor>());
        return services;
    }
}
