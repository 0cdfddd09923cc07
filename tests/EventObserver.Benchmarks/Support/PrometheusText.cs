using System.Globalization;

namespace EventObserver.Benchmarks.Support;

/// <summary>Reads metrics from the app's Prometheus endpoint (<c>/metrics</c>).</summary>
internal static class PrometheusText
{
    /// <summary>The exposition text, or null when the endpoint does not answer.</summary>
    public static async Task<string?> ScrapeAsync(HttpClient app)
    {
        try
        {
            using var response = await app.GetAsync("/metrics");
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The sum of <paramref name="name"/>'s samples (one per label set), or null without any.</summary>
    public static double? Sum(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        double? total = null;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not (' ' or '{'))
            {
                continue;
            }

            // name{labels} value [timestamp]
            var afterLabels = line[name.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) + 1 : name.Length;
            var parts = line[afterLabels..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}
