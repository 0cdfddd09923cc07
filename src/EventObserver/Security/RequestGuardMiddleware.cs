using EventObserver.Components.Shared;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace EventObserver.Security;

/// <summary>
/// Refuses, before routing: over-long URLs (414); state-changing API requests and live-connection handshakes from
/// other sites' pages (403, see <see cref="RequestOriginPolicy"/>); state-changing API requests whose body is not
/// JSON (415), which is what an HTML form or a no-cors fetch can send without a CORS preflight. Every refusal is a
/// problem document saying why.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next, RequestOriginPolicy origins, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.Value + request.QueryString.Value;
        if (target.Length > RequestLimits.MaxRequestTargetLength)
        {
            return RefuseAsync(context, StatusCodes.Status414UriTooLong, "URL too long",
                $"The request's path and query are {target.Length:N0} characters; at most {RequestLimits.MaxRequestTargetLength:N0} are accepted.");
        }

        var stateChangingApi = RequestGuardScope.IsStateChangingApi(request);
        if (stateChangingApi || RequestGuardScope.IsLiveConnection(request.Path))
        {
            if (origins.Refusal(request) is { } reason)
            {
                return RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused", reason);
            }
        }

        if (stateChangingApi && (HasBody(request) || request.Headers.ContentType.Count > 0) && !request.HasJsonContentType())
        {
            return RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "JSON required",
                $"Requests that change state take a JSON body (Content-Type: application/json) or none; this one is '{DisplayFormat.Clip(request.ContentType ?? "", RequestOriginPolicy.EchoedLength)}'.");
        }

        return next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail);
        }
    }
}
