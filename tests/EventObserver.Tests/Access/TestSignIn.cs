using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Authentication;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventObserver.Tests.Access;

/// <summary>
/// Signs a test request in without a key catalogue: a request carrying <see cref="Header"/>
/// (<c>name|Role,Role|group,group</c>) is authenticated as that user, with the role and group claims the claims
/// transformation would give it. Without the header the request stays anonymous. Runs first in the pipeline.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Header = "X-Test-User";

    public static string Value(string name, string roles, string groups = "") => $"{name}|{roles}|{groups}";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } value)
            {
                context.User = Principal(value);
            }

            return following(context);
        });
        next(app);
    };

    public static ClaimsPrincipal Principal(string value)
    {
        var parts = value.Split('|');
        // A machine client (as an API key would be): the antiforgery check is for browser sessions.
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]), new(AccessClaimTypes.Method, ApiKeyAuthenticationHandler.Method) };
        claims.AddRange(Items(parts, 1).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(Items(parts, 2).Select(g => new Claim(AccessClaimTypes.Group, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
    }

    private static IEnumerable<string> Items(string[] parts, int index) =>
        parts.Length > index ? parts[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
