using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running app (embedded broker + demo traffic, configured by the derived fixture) and one browser for the browser
/// tests of a class. Without Chromium nothing starts; the tests skip or, in CI, fail.
/// </summary>
public abstract class AppBrowserFixture(Action<IWebHostBuilder>? configure = null) : IAsyncLifetime
{
    public LiveAppFactory App { get; } = new(configure);

    public BrowserSession? Browser { get; private set; }

    /// <summary>The browser's page; fails with the reason when Chromium is missing.</summary>
    public IPage Page => (Browser ?? throw new InvalidOperationException(
        $"{ChromiumFactAttribute.ChromiumPath} is missing; CI must install it (apt-get install chromium).")).Page;

    public async Task InitializeAsync()
    {
        if (File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            App.StartServer();
            Browser = await BrowserSession.StartAsync(App.BaseAddress);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}
