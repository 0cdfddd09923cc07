namespace EventObserver.Features.Groups;

public static class GroupServiceCollectionExtensions
{
    /// <summary>The groups pages' and API's query service (over the monitor's view and the offset reset service).</summary>
    public static IServiceCollection AddGroupQueries(this IServiceCollection services)
    {
        services.AddSingleton<GroupQueries>();
        return services;
    }
}
