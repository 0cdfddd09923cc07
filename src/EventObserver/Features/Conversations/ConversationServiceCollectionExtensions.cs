using EventObserver.Core.Conversations;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventObserver.Features.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The conversations page's and API's query service (over <c>IConversationView</c>, with topic access).</summary>
    public static IServiceCollection AddConversationQueries(this IServiceCollection services)
    {
        // The monitor registers the real view before this; without it (monitoring off) the page and API still answer.
        services.TryAddSingleton<IConversationView, EmptyConversationView>();
        services.AddSingleton<ConversationQueries>();
        return services;
    }
}
