using System.Globalization;
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
    public static double? FromPrometheusText(string text)
    {
        double? total = null;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(MetricName, StringComparison.Ordinal) || line.Length == MetricName.Length
                || line[MetricName.Length] is not (' ' or '{'))
            {
                continue;
            }

            // name{labels} value [timestamp]
            var afterLabels = line[MetricName.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) + 1 : MetricName.Length;
            var parts = line[afterLabels..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}
