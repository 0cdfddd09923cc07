using EventObserver.ApiDocs;

using Microsoft.AspNetCore.OpenApi;

namespace EventObserver.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>The liveness and readiness checks (ASP.NET Core health checks) and their place in the OpenAPI document.</summary>
    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddOptions<HealthProbeOptions>().BindConfiguration(HealthProbeOptions.Section)
            .Validate(o => o.BrokerTimeout > TimeSpan.Zero, "EventObserver:Health:BrokerTimeout must be positive")
            .ValidateOnStart();
        services.AddSingleton<IndexDirectoryProbe>();
        services.AddHealthChecks()
            .AddCheck<LiveHealthCheck>(LiveHealthCheck.Name, tags: [HealthTags.Live])
            .AddCheck<IndexHealthCheck>(IndexHealthCheck.Name, tags: [HealthTags.Ready])
            .AddCheck<BrokerHealthCheck>(BrokerHealthCheck.Name, tags: [HealthTags.Ready]);
        services.Configure<OpenApiOptions>(ApiDocsEndpoints.DocumentName, o => o.AddDocumentTransformer<HealthProbeDocsTransformer>());
        return services;
    }
}
