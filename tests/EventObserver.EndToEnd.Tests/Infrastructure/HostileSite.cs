using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Another site the operator happens to visit: a second local port (same site, other origin) serving pages that aim
/// at the app, as an attacker's page would.
/// </summary>
public sealed class HostileSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostileSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the site; <paramref name="pages"/> maps a path to its HTML.</summary>
    public static async Task<HostileSite> StartAsync(IReadOnlyDictionary<string, string> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var (path, html) in pages)
        {
            app.MapGet(path, () => Results.Content(html, "text/html"));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HostileSite(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
