using EventObserver.Components.Shared;
using EventObserver.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Security;

/// <summary>
/// Which browser pages may change state through the API or open a live connection (the hub, the Blazor circuit):
/// pages of the app's own origin and of <c>EventObserver:Security:AllowedOrigins</c>. Requests that carry neither
/// <c>Origin</c> nor <c>Sec-Fetch-Site</c> (curl, scripts, the .NET SignalR client) are not from a browser page and pass.
/// </summary>
public sealed class RequestOriginPolicy
{
    /// <summary>How much of a header value a refusal repeats back.</summary>
    internal const int EchoedLength = 100;

    private const string Setting = SecurityOptions.Section + ":AllowedOrigins";

    private readonly HashSet<RequestOrigin> _allowed;

    public RequestOriginPolicy(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = [.. options.Value.AllowedOrigins.Select(RequestOrigin.Parse).OfType<RequestOrigin>()];
    }

    /// <summary>Null when the request may go on; otherwise why it is refused, for the problem's detail.</summary>
    public string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var originHeader = request.Headers.Origin;
        if (originHeader.Count > 0)
        {
            var value = originHeader.ToString();
            if (originHeader.Count > 1 || value.Trim() == "null")
            {
                return $"Origin '{DisplayFormat.Clip(value, EchoedLength)}' (a sandboxed frame, a local file or a cross-site redirect) may not change state or open live connections; "
                    + $"only pages of this app or of {Setting} may.";
            }

            if (RequestOrigin.Parse(value) is not { } origin)
            {
                return $"Origin '{DisplayFormat.Clip(value, EchoedLength)}' is not a web origin; only pages of this app or of {Setting} may change state or open live connections.";
            }

            return origin.IsAddressedBy(request.Host) || _allowed.Contains(origin)
                ? null
                : $"A page of {origin} may not change state or open live connections here: it is neither this app's origin "
                    + $"(host '{DisplayFormat.Clip(request.Host.Value ?? "", EchoedLength)}') nor listed in {Setting}.";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none"
            ? null
            : $"Sec-Fetch-Site '{DisplayFormat.Clip(site, EchoedLength)}': the browser says another site's page sent this request; "
                + $"only pages of this app or of {Setting} may change state or open live connections.";
    }
}
