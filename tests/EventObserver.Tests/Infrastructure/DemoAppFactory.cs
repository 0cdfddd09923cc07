using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Infrastructure;

/// <summary>The app exactly as <c>dotnet run</c> starts it with no configuration (embedded broker, demo traffic), on its own index file.</summary>
public sealed class DemoAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory.Path, "index.db"));
        // A cold first script call on a loaded 2-core CI machine can take longer than the 250 ms default.
        builder.UseSetting("EventObserver:Replay:ScriptTimeoutPerCall", "00:00:05");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
