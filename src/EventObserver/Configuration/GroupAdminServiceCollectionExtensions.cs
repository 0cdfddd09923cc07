using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Groups;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public static class GroupAdminServiceCollectionExtensions
{
    /// <summary>
    /// The options validator, the cluster's group admin (<see cref="IConsumerGroupAdmin"/>: the admin API on a real
    /// cluster, known groups on the embedded broker or with <c>Discovery=KnownGroups</c>) and offset resets. With
    /// <c>EventObserver:Groups:Enabled=false</c> no admin is registered (the monitor then reports groups as turned off)
    /// and every reset is refused.
    /// </summary>
    public static IServiceCollection AddConsumerGroupAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<GroupsOptions>, GroupsOptionsValidator>();
        var enabled = configuration.GetSection(ConfigurationSections.Groups).GetValue(nameof(GroupsOptions.Enabled), defaultValue: true);
        if (!enabled)
        {
            services.AddSingleton<IGroupOffsetReset, UnavailableGroupOffsetReset>();
            return services;
        }

        services.AddSingleton<IConsumerGroupAdmin>(sp => ConsumerGroupAdminFactory.Create(
            sp.GetRequiredService<IOptions<GroupsOptions>>().Value,
            sp.GetRequiredService<KafkaConnection>(),
            sp.GetRequiredService<LocalGroupMembers>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IGroupOffsetReset>(sp => new GroupOffsetReset(
            sp.GetRequiredService<IConsumerGroupAdmin>(),
            sp.GetRequiredService<ICurrentIndex>(),
            sp.GetRequiredService<IClusterInspector>(),
            sp.GetRequiredService<IOptions<GroupsOptions>>().Value));
        return services;
    }
}
