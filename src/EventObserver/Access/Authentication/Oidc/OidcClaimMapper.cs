using System.Security.Claims;
using System.Text.Json;

namespace EventObserver.Access.Authentication.Oidc;

/// <summary>
/// Turns the identity an OpenID Connect provider vouches for into the one access control reads: a name
/// (<see cref="ClaimTypes.Name"/>), the provider's groups or roles as <see cref="AccessClaimTypes.Group"/> claims and
/// <see cref="AccessClaimTypes.Method"/> = <c>oidc</c>. The provider's own claims are kept beside them.
/// </summary>
public static class OidcClaimMapper
{
    /// <summary>Where Entra ID app roles (and many other providers' roles) arrive when no group claim is configured.</summary>
    public const string FallbackRoleClaim = "roles";

    public const string Method = "oidc";

    // A login (unique at the provider, and what Local mode calls a user) before a display name that two people can share.
    private static readonly string[] NameClaims = ["preferred_username", "name", "email", "sub"];

    public static ClaimsPrincipal Map(ClaimsPrincipal provider, string roleClaim)
    {
        ArgumentNullException.ThrowIfNull(provider);
        // The types access control reads are set here and by the claims transformation only, never taken from a token.
        var claims = provider.Claims
            .Where(c => c.Type is not (ClaimTypes.Name or ClaimTypes.Role or AccessClaimTypes.Group or AccessClaimTypes.Method))
            .ToList();
        if (UserName(provider) is { } name)
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        claims.AddRange(Groups(provider, roleClaim).Select(g => new Claim(AccessClaimTypes.Group, g)));
        claims.Add(new Claim(AccessClaimTypes.Method, Method));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, OidcSignIn.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The first of <c>preferred_username</c>, <c>name</c>, <c>email</c>, <c>sub</c> the token carries.</summary>
    public static string? UserName(ClaimsPrincipal provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return NameClaims
            .Select(type => provider.FindFirst(type)?.Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }

    /// <summary>
    /// The values of <paramref name="roleClaim"/>, or of <c>roles</c> when the token has no such claim. A provider sends
    /// several values as repeated claims or as one claim holding a JSON array; both are read. Distinct, in token order.
    /// </summary>
    public static IReadOnlyList<string> Groups(ClaimsPrincipal provider, string roleClaim)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var type = string.IsNullOrWhiteSpace(roleClaim) ? FallbackRoleClaim : roleClaim.Trim();
        var claims = provider.FindAll(type).ToList();
        if (claims.Count == 0 && type != FallbackRoleClaim)
        {
            claims = provider.FindAll(FallbackRoleClaim).ToList();
        }

        return claims
            .SelectMany(c => Values(c.Value))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Values(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith('['))
        {
            return [trimmed];
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            return document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText())
                .Select(v => v.Trim())
                .ToList();
        }
        catch (JsonException)
        {
            // A group whose name merely starts with '[' is still a group.
            return [trimmed];
        }
    }
}
