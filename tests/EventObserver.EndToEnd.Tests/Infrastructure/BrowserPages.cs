using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.TestSupport;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>Helpers every browser test shares: waiting for server-pushed changes, screenshots, demo data.</summary>
public static class BrowserPages
{
    /// <summary>Polls a condition the server changes over time; fails with what it waited for.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Timed out waiting for {what}.");
    }

    /// <summary>A tall viewport instead of a full-page shot, which would paint the fixed app bar mid-page.</summary>
    public static async Task ScreenshotAsync(IPage page, string path, int width, int height)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(width, height);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path });
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    /// <summary>A demo conversation with at least <paramref name="messages"/> messages, read from the REST API.</summary>
    public static async Task<string> FindCorrelationIdAsync(LiveAppFactory app, int messages)
    {
        using var client = app.CreateClient();
        return await Eventually.MatchAsync(
            () =>
            {
                var events = client.GetFromJsonAsync<JsonElement[]>("/api/events?limit=500").GetAwaiter().GetResult() ?? [];
                return events
                    .Select(e => e.TryGetProperty("correlationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)
                    .OfType<string>()
                    .GroupBy(c => c)
                    .Where(g => g.Count() >= messages)
                    .Select(g => g.Key)
                    .FirstOrDefault();
            },
            id => id is not null,
            $"a demo correlation id with at least {messages} messages",
            TimeSpan.FromSeconds(30)) ?? "";
    }
}
