using EventObserver.Configuration;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Projections;

using Microsoft.Extensions.Options;

namespace EventObserver.Replay;

public static class ReplayServiceCollectionExtensions
{
    /// <summary>Replay options, the saved-projections store, the publisher and the run manager.</summary>
    public static IServiceCollection AddReplay(this IServiceCollection services)
    {
        services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReplayOptions>, ReplayOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var replay = sp.GetRequiredService<IOptions<ReplayOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return ProjectionStore.Open(string.IsNullOrWhiteSpace(replay.ProjectionsPath)
                ? ProjectionStore.PathNextTo(storage.Path)
                : replay.ProjectionsPath);
        });
        services.AddSingleton<ReplayPublisher>();
        services.AddSingleton<ReplayRunManager>();
        return services;
    }
}
