using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>The whole app as a user runs it (embedded broker, demo traffic) on a real Kestrel port, with its own index file.</summary>
public sealed class LiveAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eventobserver-e2e", Guid.NewGuid().ToString("N"));

    private readonly Action<IWebHostBuilder>? _configure;

    public LiveAppFactory(Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
    }

    /// <summary>The real Kestrel address; valid after <c>StartServer()</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            using var client = CreateClient();
            return client.BaseAddress!;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory, "index.db"));
        builder.UseSetting("EventObserver:Demo:OrdersPerSecond", "3");

        // Core.Tests' generous per-call script timeout: several apps and browsers share two cores.
        builder.UseSetting("EventObserver:Replay:ScriptTimeoutPerCall", "00:00:05");
        _configure?.Invoke(builder);
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
