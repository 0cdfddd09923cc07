using EventObserver.Configuration;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace EventObserver.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// The allowed origins (validated at start), the origin policy, Kestrel's limits (no <c>Server</c> header, bodies
    /// cut off at <see cref="RequestLimits.MaxBodyBytes"/> while they arrive) and 4xx status codes for the bad requests
    /// Kestrel reports by exception.
    /// </summary>
    public static IServiceCollection AddRequestSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<RequestOriginPolicy>();
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.KestrelMaxRequestLineSize;
        });
        // A body over the limit (or a malformed one) surfaces as BadHttpRequestException wherever it is read: its
        // status (413, 400) and a problem document, not a 500.
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ex => ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad
            ? bad.StatusCode
            : StatusCodes.Status500InternalServerError);
        return services;
    }
}
