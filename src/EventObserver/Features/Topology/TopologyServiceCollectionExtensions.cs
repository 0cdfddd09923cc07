namespace EventObserver.Features.Topology;

public static class TopologyServiceCollectionExtensions
{
    /// <summary>The topology's query service, for <c>/topology</c> and <c>/api/topology</c> (it reads the registered <see cref="Core.Groups.IConsumerGroupView"/>).</summary>
    public static IServiceCollection AddTopology(this IServiceCollection services)
    {
        services.AddSingleton<TopologyQueries>();
        return services;
    }
}
