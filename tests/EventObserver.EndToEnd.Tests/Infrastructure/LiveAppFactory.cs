using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>The whole app as a user runs it (embedded broker, demo traffic) on a real Kestrel port, with its own index file.</summary>
public sealed class LiveAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eventobserver-e2e", Guid.NewGuid().ToString("N"));

    public LiveAppFactory()
    {
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
    }

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory, "index.db"));
        builder.UseSetting("EventObserver:Demo:OrdersPerSecond", "3");
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }
}
