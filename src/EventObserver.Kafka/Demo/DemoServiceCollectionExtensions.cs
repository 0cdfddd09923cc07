using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Kafka.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// The demo services' consumer groups (<see cref="DemoConsumerGroups"/>), as a singleton (tests and offset resets
    /// control it) and as a hosted service. Register after the demo traffic generator so the groups stop before it.
    /// </summary>
    public static IServiceCollection AddDemoConsumerGroups(this IServiceCollection services)
    {
        services.AddSingleton<DemoConsumerGroups>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoConsumerGroups>());
        return services;
    }
}
