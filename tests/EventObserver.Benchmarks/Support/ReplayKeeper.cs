using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// Keeps one replay run going for the whole soak: a projection (the built-in <c>count-by-type</c>) over every event in
/// the index, started through <c>POST /api/replays</c> and started again as soon as it ends, each one selected on the
/// Replay page of a tab of its own (clicked in the run list, as a user would, so the tab follows the running run).
/// </summary>
internal sealed class ReplayKeeper : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient _app;
    private readonly IPage _page;
    private readonly CancellationTokenSource _stop = new();
    private Task? _keeping;
    private string _runId = "";
    private int _started;
    private int _failed;
    private int _problems;

    private ReplayKeeper(HttpClient app, IPage page)
    {
        _app = app;
        _page = page;
    }

    /// <summary>Runs started so far (the first included).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Runs that ended failed rather than completed.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Starts refused or the page not following (each is also printed on stderr).</summary>
    public int Problems => Volatile.Read(ref _problems);

    public static async Task<ReplayKeeper> StartAsync(HttpClient app, IBrowserContext browser, Uri appAddress)
    {
        var keeper = new ReplayKeeper(app, await browser.NewPageAsync());
        keeper._runId = await keeper.StartRunAsync() ?? "";
        await keeper._page.GotoAsync(new Uri(appAddress, "replay?run=" + Uri.EscapeDataString(keeper._runId)).ToString());
        if (keeper._runId.Length > 0)
        {
            await keeper.FollowAsync(keeper._runId);
        }

        keeper._keeping = keeper.KeepAsync(keeper._stop.Token);
        return keeper;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_keeping is not null)
        {
            await _keeping;
        }

        try
        {
            if (_runId.Length == 0)
            {
                return;
            }

            // Leave nothing running in the app's last minute figures: the run stops with the scenario.
            using var _ = await _app.PostAsync($"/api/replays/{_runId}/stop", null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The app may already be gone.
        }

        _stop.Dispose();
    }

    private static string EntrySelector(string runId) => $"[data-testid=run-entry][data-run-id=\"{runId}\"]";

    private async Task KeepAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, stop);
                var (status, why) = _runId.Length == 0 ? ("not started", null) : await StatusAsync(_runId);
                if (status is "running" or "paused" or null)
                {
                    continue;
                }

                if (status is not ("completed" or "not started"))
                {
                    Interlocked.Increment(ref _failed);
                    Report($"replay run {_runId} ended {status}: {why}");
                }

                if (await StartRunAsync() is { } next)
                {
                    _runId = next;
                    await FollowAsync(next);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The run's status and, when it did not complete, why (its message or first error).</summary>
    private async Task<(string? Status, string? Why)> StatusAsync(string runId)
    {
        try
        {
            var run = await _app.GetFromJsonAsync<JsonElement>($"/api/replays/{runId}");
            var errors = run.GetProperty("errors");
            var why = run.GetProperty("message").GetString() ?? (errors.GetArrayLength() > 0 ? errors[0].GetRawText() : null);
            return (run.GetProperty("status").GetString(), why);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            // A 404 (finished runs are dropped oldest first) counts as ended; a slow answer is asked again.
            return (e is HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound } ? "gone" : null, e.Message);
        }
    }

    private async Task<string?> StartRunAsync()
    {
        try
        {
            using var response = await _app.PostAsJsonAsync("/api/replays", new { template = "count-by-type", label = "soak" });
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _started);
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            }

            Problem($"starting a replay answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            Problem($"starting a replay failed: {e.Message}");
        }

        return null;
    }

    private async Task FollowAsync(string runId)
    {
        try
        {
            await _page.ClickAsync(EntrySelector(runId), new PageClickOptions { Timeout = 30_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Problem($"the replay tab did not select run {runId}: {e.Message.Split('\n')[0]}");
        }
    }

    private void Problem(string text)
    {
        Interlocked.Increment(ref _problems);
        Report(text);
    }

    private static void Report(string text) => Console.Error.WriteLine($"[soak] {text}");
}
