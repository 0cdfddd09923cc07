namespace EventObserver.Security;

/// <summary>A web origin (scheme, host, port) as browsers send it in the <c>Origin</c> header.</summary>
public sealed record RequestOrigin(string Scheme, string Host, int Port)
{
    /// <summary>The origin, or null for anything else: <c>null</c>, a path, a query, user info, another scheme.</summary>
    public static RequestOrigin? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return null;
        }

        return new RequestOrigin(uri.Scheme, uri.Host.ToLowerInvariant(), uri.Port);
    }

    /// <summary>
    /// Whether a request that arrived with this <c>Host</c> header is addressed to this origin. The scheme is not
    /// compared, so a TLS-terminating proxy that forwards https as http (keeping the Host header) still matches;
    /// a Host without a port means the default port of this origin's scheme.
    /// </summary>
    public bool IsAddressedBy(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var port = host.Port ?? (Scheme == Uri.UriSchemeHttps ? 443 : 80);
        return port == Port && string.Equals(host.Host, Host, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
