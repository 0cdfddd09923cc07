using System.Security.Claims;
using System.Text.Json;

using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// Gives every signed-in principal the claims access control reads: <see cref="AccessClaimTypes.Method"/>, its groups
/// as <see cref="AccessClaimTypes.Group"/> claims (a local user's or an API key's configured groups, or the provider's
/// <c>RoleClaim</c>/<c>roles</c> values), and <see cref="ClaimTypes.Role"/> claims for its direct roles (local user,
/// API key) and for every <c>Auth:Roles</c> entry one of its groups is mapped to. Roles and groups are read from the
/// current configuration on each request, so a changed role applies without signing in again. Idempotent: the
/// framework may run it more than once on one principal.
/// </summary>
public sealed class AccessClaimsTransformation(IOptionsMonitor<AuthOptions> options, ApiKeyCatalog keys) : IClaimsTransformation
{
    public const string CookieMethod = "cookie";
    public const string OidcMethod = "oidc";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return Task.FromResult(principal);
        }

        var auth = options.CurrentValue;
        var method = principal.FindFirst(AccessClaimTypes.Method)?.Value
            ?? (identity.AuthenticationType == AccessSchemes.ApiKey ? ApiKeyAuthenticationHandler.Method
                : auth.Mode == AuthMode.Oidc ? OidcMethod : CookieMethod);
        var groups = new HashSet<string>(principal.FindAll(AccessClaimTypes.Group).Select(c => c.Value), StringComparer.OrdinalIgnoreCase);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var name = identity.Name ?? "";
        switch (method)
        {
            case ApiKeyAuthenticationHandler.Method when keys.Named(name) is { } key:
                Add(groups, roles, key.Groups, key.Roles);
                break;
            case CookieMethod when auth.Mode == AuthMode.Local && LocalSignIn.FindUser(auth, name) is { } user:
                Add(groups, roles, user.Groups, user.Roles);
                break;
            case OidcMethod when groups.Count == 0:
                groups.UnionWith(ProviderGroups(principal, auth.Oidc.RoleClaim));
                break;
        }

        foreach (var (role, mapped) in auth.Roles)
        {
            if (AuthOptionsValidator.KnownRole(role) is { } known && mapped.Any(groups.Contains))
            {
                roles.Add(known);
            }
        }

        var missing = new List<Claim>();
        if (!principal.HasClaim(c => c.Type == AccessClaimTypes.Method))
        {
            missing.Add(new Claim(AccessClaimTypes.Method, method));
        }

        missing.AddRange(groups.Where(g => !principal.HasClaim(AccessClaimTypes.Group, g)).Select(g => new Claim(AccessClaimTypes.Group, g)));
        missing.AddRange(roles.Where(r => !principal.HasClaim(ClaimTypes.Role, r)).Select(r => new Claim(ClaimTypes.Role, r)));
        if (missing.Count == 0)
        {
            return Task.FromResult(principal);
        }

        // The principal may be cached by the handler that made it: change a copy.
        var copy = principal.Clone();
        ((ClaimsIdentity)copy.Identity!).AddClaims(missing);
        return Task.FromResult(copy);
    }

    /// <summary>The provider's groups: the values of <paramref name="roleClaim"/>, else of <c>roles</c>; a value may be a JSON array.</summary>
    public static IEnumerable<string> ProviderGroups(ClaimsPrincipal principal, string roleClaim)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = principal.FindAll(roleClaim).ToList();
        if (claims.Count == 0)
        {
            claims = [.. principal.FindAll("roles")];
        }

        return claims.SelectMany(c => Values(c.Value)).Where(v => v.Length > 0);
    }

    private static void Add(HashSet<string> groups, HashSet<string> roles, IEnumerable<string> configuredGroups, IEnumerable<string> configuredRoles)
    {
        groups.UnionWith(configuredGroups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()));
        roles.UnionWith(configuredRoles.Select(AuthOptionsValidator.KnownRole).OfType<string>());
    }

    private static IEnumerable<string> Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value.Trim()];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value.Trim()];
        }
    }
}
