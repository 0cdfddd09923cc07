using System.Text.Json;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// The app's total GC pause time so far, in seconds: from its Prometheus endpoint when it has one (the runtime's
/// <c>dotnet.gc.pause.time</c> counter), else from <c>gcPauseSeconds</c> in <c>/api/stats</c>; null when neither answers.
/// </summary>
internal static class AppGcPause
{
    /// <summary>The Prometheus name of the runtime's <c>dotnet.gc.pause.time</c> (unit s, a counter).</summary>
    public const string MetricName = "dotnet_gc_pause_time_seconds_total";

    public static async Task<(double? Seconds, string Source)> ReadAsync(HttpClient app)
    {
        try
        {
            using var response = await app.GetAsync("/metrics");
            if (response.IsSuccessStatusCode && FromPrometheusText(await response.Content.ReadAsStringAsync()) is { } fromMetrics)
            {
                return (fromMetrics, "/metrics " + MetricName);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No metrics endpoint: try the stats.
        }

        try
        {
            using var stats = JsonDocument.Parse(await app.GetStringAsync("/api/stats"));
            return stats.RootElement.TryGetProperty("gcPauseSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number
                ? (seconds.GetDouble(), "/api/stats gcPauseSeconds")
                : (null, "none (no " + MetricName + " in /metrics, no gcPauseSeconds in /api/stats)");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, "none (" + e.Message + ")");
        }
    }

    /// <summary>The sum of the metric's samples (one per label set) in a Prometheus text exposition, or null without any.</summary>
    public static double? FromPrometheusText(string text) => PrometheusText.Sum(text, MetricName);
}
