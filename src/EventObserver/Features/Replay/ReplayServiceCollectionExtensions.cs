using EventObserver.Configuration;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Projections;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay;

public static class ReplayServiceCollectionExtensions
{
    /// <summary>Replay options, the saved-projections store, the publisher, the run manager and the feature's queries.</summary>
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
        services.AddSingleton<ReplayQueries>();
        return services;
    }
}
