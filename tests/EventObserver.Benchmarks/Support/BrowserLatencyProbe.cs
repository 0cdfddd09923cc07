using System.Text.Json;
using Microsoft.Playwright;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// Debian's Chromium (driven by Playwright) on the Live feed page. A MutationObserver in the page notes, for
/// every row newly in the DOM, the time it appeared minus its <c>data-ts</c> (the produce timestamp); the
/// samples are collected every ~50 ms. Only rows newer than any seen before in their partition count, so a
/// row scrolled back into view is not measured twice.
/// </summary>
internal sealed class BrowserLatencyProbe : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string InstallObserver = """
        () => {
          const state = { newest: new Map(), samples: [] };
          window.__eoLatency = state;
          const record = () => {
            const now = Date.now();
            const fresh = [];
            for (const row of document.querySelectorAll('[data-testid="feed-row"][data-ts][data-id]')) {
              const id = row.getAttribute('data-id');
              const cut = id.lastIndexOf('/');
              const partition = id.substring(0, cut);
              const offset = Number(id.substring(cut + 1));
              const before = state.newest.get(partition);
              if (before === undefined || offset > before) {
                fresh.push([partition, offset]);
                state.samples.push(now - Number(row.getAttribute('data-ts')));
              }
            }
            for (const [partition, offset] of fresh) {
              if (!(state.newest.get(partition) >= offset)) { state.newest.set(partition, offset); }
            }
          };
          new MutationObserver(record).observe(document.body,
            { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ts', 'data-id'] });
          record();
        }
        """;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly CancellationTokenSource _stop = new();
    private Task? _collecting;

    private BrowserLatencyProbe(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    public LatencyRecorder Latency { get; } = new();

    /// <summary>The feed tab's browser context: more tabs of the same browser (the soak opens four beside the feed).</summary>
    public IBrowserContext Context => _page.Context;

    /// <summary>
    /// Opens the Live feed (signing in first through the sign-in form when <paramref name="signIn"/> is given) and waits
    /// for its first live row; null (with the reason) when that cannot be done.
    /// </summary>
    public static async Task<(BrowserLatencyProbe? Probe, string? Problem)> StartAsync(Uri app, (string User, string Password)? signIn = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            return (null, $"{ChromiumPath} is not installed");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        // A context of its own (not NewPageAsync's one-page context), so that more tabs can open beside the feed.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var probe = new BrowserLatencyProbe(playwright, browser, page);
        try
        {
            if (signIn is { } user)
            {
                await page.GotoAsync(new Uri(app, "account/sign-in").ToString());
                await page.FillAsync("[data-testid=sign-in-name]", user.User);
                await page.FillAsync("[data-testid=sign-in-password]", user.Password);
                await page.ClickAsync("[data-testid=sign-in-submit]");
                await page.WaitForSelectorAsync("[data-testid=user-badge]", new PageWaitForSelectorOptions { Timeout = 30_000 });
            }

            await page.GotoAsync(app.ToString());
            await page.WaitForSelectorAsync("[data-testid=\"feed-row\"][data-ts]", new PageWaitForSelectorOptions { Timeout = 30_000 });
            await page.EvaluateAsync(InstallObserver);
            probe._collecting = probe.CollectAsync(probe._stop.Token);
            return (probe, null);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            await probe.DisposeAsync();
            return (null, $"no live feed rows with data-ts on {app}: {e.Message.Split('\n')[0]}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_collecting is not null)
        {
            await _collecting;
        }

        await _browser.DisposeAsync();
        _playwright.Dispose();
        _stop.Dispose();
    }

    private async Task CollectAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var samples = await _page.EvaluateAsync<JsonElement>("() => window.__eoLatency ? window.__eoLatency.samples.splice(0) : []");
                foreach (var sample in samples.EnumerateArray())
                {
                    Latency.Record(sample.GetDouble());
                }

                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (PlaywrightException e)
            {
                await Console.Error.WriteLineAsync($"browser probe: {e.Message.Split('\n')[0]}");
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }
}
