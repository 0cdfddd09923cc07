using EventObserver.Access;

namespace EventObserver.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log (<c>EventObserver:Audit</c>).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, NullAuditLog>();
        return services;
    }
}
