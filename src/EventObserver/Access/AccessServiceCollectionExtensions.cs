using EventObserver.Access.Options;

namespace EventObserver.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Sign-in (<c>EventObserver:Auth</c>), the roles' policies and the current user of each scope.</summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }

    /// <summary>Authentication and authorization in the request pipeline.</summary>
    public static WebApplication UseAccessControl(this WebApplication app)
    {
        // Until sign-in exists: authorization alone, so the policies that pages and endpoints name are evaluated.
        app.UseAuthorization();
        return app;
    }
}
