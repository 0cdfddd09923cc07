using EventObserver.Access;
using EventObserver.Kafka.Audit;
using EventObserver.Kafka.Connection;
using EventObserver.Storage.Audit;
using EventObserver.Storage.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit log (<c>EventObserver:Audit</c>): its file next to the index, the background writer with retention, the
    /// optional Kafka copy, and the queries of the <c>/audit</c> page and <c>GET /api/audit</c>.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton(sp => AuditStore.Open(sp.GetRequiredService<IOptions<AuditOptions>>().Value
            .ResolvePath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path)));
        services.AddSingleton(sp => new LiteDbAuditLog(
            sp.GetRequiredService<AuditStore>(),
            sp.GetRequiredService<IOptions<AuditOptions>>(),
            CopyProducer(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LiteDbAuditLog>>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<LiteDbAuditLog>());
        services.AddHostedService(sp => sp.GetRequiredService<LiteDbAuditLog>());
        services.AddSingleton<AuditQueries>();
        return services;
    }

    private static AuditTopicProducer? CopyProducer(IServiceProvider services)
    {
        var topic = services.GetRequiredService<IOptions<AuditOptions>>().Value.Topic;
        return string.IsNullOrWhiteSpace(topic)
            ? null
            : new AuditTopicProducer(topic.Trim(), services.GetRequiredService<KafkaConnection>(), services.GetRequiredService<ILogger<AuditTopicProducer>>());
    }
}
