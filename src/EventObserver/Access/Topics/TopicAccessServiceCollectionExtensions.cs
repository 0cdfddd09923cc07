using EventObserver.Access.Options;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Topics;

public static class TopicAccessServiceCollectionExtensions
{
    /// <summary>
    /// The resolver that turns a principal into its roles and topic permissions, and the <c>Auth:TopicAccess</c> rules it
    /// applies (validated at start; <c>AddAccessControl</c> binds the section).
    /// </summary>
    public static IServiceCollection AddTopicAccess(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AuthOptions>, TopicAccessOptionsValidator>();
        services.AddSingleton<TopicAccessRules>();
        services.AddSingleton<IUserAccessResolver, RuleBasedUserAccessResolver>();
        return services;
    }
}
