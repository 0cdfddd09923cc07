using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.DependencyInjection;

using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace EventObserver.TestSupport.Oidc;

/// <summary>
/// The checks OpenIddict's degraded mode leaves to the host: the one client's id, its secret at the token endpoint and
/// its redirect URIs (loopback, the handler's callback paths) at the authorization and end-session endpoints.
/// </summary>
internal static class TestIdentityProviderClient
{
    public static void AddValidation(OpenIddictServerBuilder server)
    {
        server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!string.Equals(context.ClientId, TestIdentityProvider.ClientId, StringComparison.Ordinal))
            {
                context.Reject(Errors.InvalidClient, $"Unknown client_id '{context.ClientId}'.");
            }
            else if (!TestIdentityProvider.IsLoopbackCallback(context.RedirectUri, TestIdentityProvider.CallbackPath))
            {
                context.Reject(Errors.InvalidRequest, $"redirect_uri must be a loopback address ending in {TestIdentityProvider.CallbackPath}.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!string.Equals(context.ClientId, TestIdentityProvider.ClientId, StringComparison.Ordinal) || !SecretMatches(context.ClientSecret))
            {
                context.Reject(Errors.InvalidClient, "Unknown client_id or wrong client_secret.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.PostLogoutRedirectUri is { } uri && !TestIdentityProvider.IsLoopbackCallback(uri, TestIdentityProvider.SignedOutCallbackPath))
            {
                context.Reject(Errors.InvalidRequest, $"post_logout_redirect_uri must be a loopback address ending in {TestIdentityProvider.SignedOutCallbackPath}.");
            }

            return default;
        }));
    }

    private static bool SecretMatches(string? secret) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(TestIdentityProvider.ClientSecret));
}
