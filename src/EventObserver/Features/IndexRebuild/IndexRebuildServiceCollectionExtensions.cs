using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;

namespace EventObserver.Features.IndexRebuild;

public static class IndexRebuildServiceCollectionExtensions
{
    /// <summary>Rebuilding the index from Kafka: the store's rebuild side (ingestion follows it) and the manual rebuild.</summary>
    public static IServiceCollection AddIndexRebuild(this IServiceCollection services)
    {
        services.AddSingleton<IIndexRebuilds>(sp => sp.GetRequiredService<EventIndexProvider>());
        services.AddSingleton<IndexRebuilder>();
        return services;
    }
}
