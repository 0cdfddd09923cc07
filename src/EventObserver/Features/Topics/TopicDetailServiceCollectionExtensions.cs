namespace EventObserver.Features.Topics;

/// <summary>Registers the topic detail's query service (its endpoint is mapped by <see cref="TopicDetailEndpoints"/>).</summary>
public static class TopicDetailServiceCollectionExtensions
{
    public static IServiceCollection AddTopicDetail(this IServiceCollection services)
    {
        services.AddSingleton<TopicDetailQueries>();
        return services;
    }
}
