using EventObserver.Access.Authentication;
using EventObserver.Access.Authorization;
using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EventObserver.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>How long a browser session lasts without a request (sliding: each request renews it).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in (<c>EventObserver:Auth</c>): the browser session (cookie; Local sign-in or the OIDC handler), API keys in
    /// every mode, chosen per request by a policy scheme; the claims access control reads; one policy per role; the
    /// 401/403 answers; the start refusal of Mode None on a network address; the current user of each scope.
    /// </summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AnonymousNetworkGuard>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddCascadingAuthenticationState();

        services.AddSingleton<ApiKeyCatalog>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<LocalSignIn>();
        services.AddTransient<IClaimsTransformation, AccessClaimsTransformation>();

        // The OIDC handler is registered only in that mode, so its scheme exists only then (read once, at start-up).
        var mode = configuration.GetSection(AuthOptions.Section).GetValue<AuthMode?>(nameof(AuthOptions.Mode)) ?? AuthMode.None;
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AccessSchemes.Default;
                o.DefaultChallengeScheme = AccessSchemes.Default;
            })
            .AddPolicyScheme(AccessSchemes.Default, "API key or browser session", o =>
            {
                o.ForwardDefaultSelector = context => AccessSchemes.ApiKeyOf(context.Request) is not null ? AccessSchemes.ApiKey : AccessSchemes.Cookie;
                // A page's challenge: the sign-in page (Local, None) or the provider (Oidc).
                o.ForwardChallenge = mode == AuthMode.Oidc ? OidcSignIn.Scheme : AccessSchemes.Cookie;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessSchemes.ApiKey, "API key", _ => { })
            .AddCookie(AccessSchemes.Cookie, ConfigureCookie);
        if (mode == AuthMode.Oidc)
        {
            authentication.AddOidcSignIn(configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Oidc ?? new OidcAuthOptions());
        }

        services.AddSingleton<IAuthorizationHandler, RoleRequirementHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessAuthorizationResultHandler>();
        var policies = services.AddAuthorizationBuilder();
        foreach (var role in (string[])[AccessPolicies.Viewer, AccessPolicies.Operator, AccessPolicies.Publisher, AccessPolicies.Admin])
        {
            policies.AddPolicy(role, p => p.AddRequirements(new RoleRequirement(role)));
        }

        return services;
    }

    /// <summary>Authentication, authorization and the API's antiforgery check, in the request pipeline.</summary>
    public static WebApplication UseAccessControl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ApiAntiforgeryMiddleware>();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = AccessSchemes.CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over HTTPS (behind a TLS-terminating proxy, forward the scheme).
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = SessionLifetime;
        o.SlidingExpiration = true;
        o.LoginPath = AccessSchemes.SignInPath;
        o.LogoutPath = AccessSchemes.SignOutPath;
        o.ReturnUrlParameter = AccessSchemes.ReturnUrlParameter;
        o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        // Pages never get here for a refusal (see AccessAuthorizationResultHandler); the API and hubs never redirect.
        o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (AccessSchemes.IsApiOrHub(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
