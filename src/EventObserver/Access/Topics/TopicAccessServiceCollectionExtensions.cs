namespace EventObserver.Access.Topics;

public static class TopicAccessServiceCollectionExtensions
{
    /// <summary>The resolver that turns a principal into its roles and topic permissions (<c>Auth:TopicAccess</c>).</summary>
    public static IServiceCollection AddTopicAccess(this IServiceCollection services)
    {
        services.AddSingleton<IUserAccessResolver, UnrestrictedUserAccessResolver>();
        return services;
    }
}
