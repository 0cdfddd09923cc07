using System.Net;

namespace EventObserver.Access.Authentication;

/// <summary>
/// The addresses Kestrel will bind, read from configuration the way Kestrel reads it: <c>Kestrel:Endpoints:*:Url</c>
/// when any is set, else <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c>
/// (every interface), else Kestrel's default <c>http://localhost:5000</c>.
/// </summary>
public static class BoundAddresses
{
    public const string KestrelDefault = "http://localhost:5000";

    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"])
            .OfType<string>()
            .Where(u => u.Length > 0)
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (Split(configuration["urls"]) is { Count: > 0 } urls)
        {
            return urls;
        }

        List<string> ports =
        [
            .. Split(configuration["http_ports"]).Select(p => $"http://*:{p}"),
            .. Split(configuration["https_ports"]).Select(p => $"https://*:{p}"),
        ];
        return ports.Count > 0 ? ports : [KestrelDefault];
    }

    /// <summary>
    /// True when <paramref name="url"/> is reachable from this machine only: <c>localhost</c>, a loopback IP, a Unix
    /// socket or a named pipe. <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>, any other IP and any host name (Kestrel
    /// binds every interface for a name it does not resolve) are network addresses.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url.Trim());
        }
        catch (FormatException)
        {
            // Kestrel will refuse it with its own message; it is not a loopback address either way.
            return false;
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return true;
        }

        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
