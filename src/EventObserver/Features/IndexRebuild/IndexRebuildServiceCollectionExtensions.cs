namespace EventObserver.Features.IndexRebuild;

public static class IndexRebuildServiceCollectionExtensions
{
    /// <summary>The manual rebuild of the index from Kafka (the store's side, <c>IIndexRebuilds</c>, comes with <c>AddEventIndex</c>).</summary>
    public static IServiceCollection AddIndexRebuild(this IServiceCollection services)
    {
        services.AddSingleton<IndexRebuilder>();
        return services;
    }
}
