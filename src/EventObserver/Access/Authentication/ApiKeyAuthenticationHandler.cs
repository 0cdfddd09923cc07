using System.Security.Claims;
using System.Text.Encodings.Web;

using EventObserver.Access.Authorization;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// The <see cref="AccessSchemes.ApiKey"/> scheme: a request carrying a key (<c>Authorization: Bearer</c>, <c>X-Api-Key</c>,
/// or <c>?access_token=</c> on a hub path) is the key's client; roles and groups come from the key's configuration
/// (added by <see cref="AccessClaimsTransformation"/>). Its challenge and forbid answers are the API's 401 and 403
/// problem documents.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCatalog keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Method = "apikey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AccessSchemes.ApiKeyOf(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.NameIdentifier, "apikey:" + key.Name),
                new Claim(AccessClaimTypes.Method, Method),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await AccessProblems.WriteAsync(problems, Context, StatusCodes.Status401Unauthorized, "Sign-in required",
            result.Failure is not null
                ? "The API key is not valid."
                : "Sign in, or send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccessProblems.WriteAsync(problems, Context, StatusCodes.Status403Forbidden, "Access denied",
            AccessProblems.Reason(Context) ?? "Your roles do not allow this.");
}
