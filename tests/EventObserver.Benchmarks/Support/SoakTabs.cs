using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// The soak's other pages beside the live feed, as tabs of the feed's browser: the lineage graph of a real (recent)
/// correlation, the flow map and the conventions. The lineage tab moves to the newest correlation once a minute (the
/// one it showed is soon deleted by retention, and a user keeps clicking through graphs).
/// </summary>
internal sealed class SoakTabs
{
    private const int OpenTimeoutMs = 60_000;

    private readonly HttpClient _app;
    private readonly Uri _address;
    private readonly IPage _lineage;
    private int _problems;

    private SoakTabs(HttpClient app, Uri address, IPage lineage)
    {
        _app = app;
        _address = address;
        _lineage = lineage;
    }

    /// <summary>Pages that did not show what they should (each is also printed on stderr).</summary>
    public int Problems => Volatile.Read(ref _problems);

    /// <summary>Lineage graphs shown (the first included).</summary>
    public int LineageGraphs { get; private set; }

    public static async Task<SoakTabs> OpenAsync(HttpClient app, IBrowserContext browser, Uri address)
    {
        var tabs = new SoakTabs(app, address, await browser.NewPageAsync());
        await tabs.ShowNewestLineageAsync();
        await tabs.OpenAsync(await browser.NewPageAsync(), "flows", "[data-testid=flow-node]");
        await tabs.OpenAsync(await browser.NewPageAsync(), "conventions", "[data-testid=conventions-panel]");
        return tabs;
    }

    /// <summary>Shows the lineage graph of the newest event's correlation in the lineage tab.</summary>
    public async Task ShowNewestLineageAsync()
    {
        string? correlation = null;
        try
        {
            var newest = await _app.GetFromJsonAsync<JsonElement>("/api/events?limit=1");
            correlation = newest.GetArrayLength() > 0 && newest[0].TryGetProperty("correlationId", out var id) ? id.GetString() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            Problem($"the newest event could not be read: {e.Message}");
            return;
        }

        if (correlation is null)
        {
            Problem("the newest event has no correlation id");
            return;
        }

        if (await OpenAsync(_lineage, "lineage?correlation=" + Uri.EscapeDataString(correlation), "[data-testid=lineage-node]"))
        {
            LineageGraphs++;
        }
    }

    private async Task<bool> OpenAsync(IPage page, string path, string shows)
    {
        try
        {
            await page.GotoAsync(new Uri(_address, path).ToString());
            await page.WaitForSelectorAsync(shows, new PageWaitForSelectorOptions { Timeout = OpenTimeoutMs });
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Problem($"/{path} did not show {shows}: {e.Message.Split('\n')[0]}");
            return false;
        }
    }

    private void Problem(string text)
    {
        Interlocked.Increment(ref _problems);
        Console.Error.WriteLine($"[soak] {text}");
    }
}
