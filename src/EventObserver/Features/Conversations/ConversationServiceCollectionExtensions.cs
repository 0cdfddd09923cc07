namespace EventObserver.Features.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The conversations page's and API's query service (over <c>IConversationView</c>, with topic access).</summary>
    public static IServiceCollection AddConversationQueries(this IServiceCollection services)
    {
        return services;
    }
}
