using Microsoft.Extensions.Options;

namespace EventObserver.Security;

/// <summary>
/// Adds the Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy</c> to every response,
/// when it starts, so responses written after an error (whose headers the exception handler clears) carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<ContentSecurityPolicyOptions> policy)
{
    private readonly string[] _formActionOrigins = [.. policy.Value.FormActionOrigins.Distinct(StringComparer.OrdinalIgnoreCase)];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var (http, formActionOrigins) = ((HttpContext, string[]))state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Header(ContentSecurityPolicy.Nonce(http), formActionOrigins);
            headers.XContentTypeOptions = "nosniff";
            // Page URLs carry correlation ids, keys and filters; links out (trace UIs) need not see them.
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, (context, _formActionOrigins));
        return next(context);
    }
}
