using EventObserver.EndToEnd.Tests.Infrastructure;

namespace EventObserver.EndToEnd.Tests.Replay;

/// <summary>One running app (embedded broker + demo traffic) and one browser for the replay tests of a class.</summary>
public sealed class ReplayAppFixture : IAsyncLifetime
{
    public LiveAppFactory App { get; } = new();

    public BrowserSession? Browser { get; private set; }

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
