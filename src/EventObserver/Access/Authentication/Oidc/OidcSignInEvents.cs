using System.Text;

using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EventObserver.Access.Authentication.Oidc;

/// <summary>
/// The OpenID Connect handler's hooks: map the provider's claims at sign-in, keep the id token for sign-out, sign out
/// at the provider when it can, and end a failed sign-in with a plain answer instead of an exception page.
/// </summary>
public sealed class OidcSignInEvents(OidcAuthOptions options) : OpenIdConnectEvents
{
    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not null)
        {
            context.Principal = OidcClaimMapper.Map(context.Principal, options.RoleClaim);
        }

        // Only the id token is kept (SaveTokens stays off: the app calls no API with the access token). It is the
        // id_token_hint of the sign-out request, which Keycloak needs to send the user back here afterwards.
        var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken;
        if (!string.IsNullOrEmpty(idToken) && context.Properties is not null)
        {
            context.Properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }

        return Task.CompletedTask;
    }

    public override Task TicketReceived(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Audit(context.HttpContext)?.Record(new AuditEntry
        {
            Action = AuditAction.SignIn,
            Actor = context.Principal?.Identity?.Name ?? "unknown",
            Target = OidcSignIn.Scheme,
            Detail = $"groups: {string.Join(", ", context.Principal?.FindAll(AccessClaimTypes.Group).Select(c => c.Value) ?? [])}",
            RemoteAddress = context.HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
        {
            // The provider publishes no end_session_endpoint (Google, GitHub-style providers): the local session,
            // already ended by the cookie sign-out, is all there is to end. The handler would throw here otherwise.
            context.Response.Redirect(context.Properties.RedirectUri ?? "/");
            context.HandleResponse();
            return Task.CompletedTask;
        }

        // RP-initiated logout: Keycloak accepts post_logout_redirect_uri only with id_token_hint or client_id.
        context.ProtocolMessage.ClientId = options.ClientId;
        return Task.CompletedTask;
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = context.Failure?.Message ?? "unknown error";
        var http = context.HttpContext;
        OidcSignInLog.SignInFailed(Logger(http), reason, context.Failure);
        Audit(http)?.Record(new AuditEntry
        {
            Action = AuditAction.SignInFailed,
            Actor = "anonymous",
            Target = OidcSignIn.Scheme,
            Detail = reason,
            Succeeded = false,
            RemoteAddress = http.Connection.RemoteIpAddress?.ToString(),
        });

        // A plain answer, not a redirect: sending the user back to sign in would loop when the failure is lasting
        // (a wrong client secret, a clock far off). Plain text with nosniff: the provider's error text is not markup.
        context.HandleResponse();
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(
            $"Signing in with the identity provider failed: {reason}{Environment.NewLine}Open the start page to try again.",
            Encoding.UTF8,
            http.RequestAborted);
    }

    private static IAuditLog? Audit(HttpContext http) => http.RequestServices.GetService<IAuditLog>();

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetService<ILogger<OidcSignInEvents>>() ?? NullLogger<OidcSignInEvents>.Instance;
}
