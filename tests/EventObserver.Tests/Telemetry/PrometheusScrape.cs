using System.Globalization;

namespace EventObserver.Tests.Telemetry;

/// <summary>One <c>/metrics</c> answer in Prometheus text format: its samples by name and labels.</summary>
public sealed class PrometheusScrape
{
    private PrometheusScrape(IReadOnlyList<(string Name, string Labels, double Value)> samples) => Samples = samples;

    public IReadOnlyList<(string Name, string Labels, double Value)> Samples { get; }

    /// <summary>Every sample name (histograms as their <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series).</summary>
    public IReadOnlySet<string> Names => Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            var nameEnd = brace >= 0 && brace < space ? brace : line.IndexOf(' ', StringComparison.Ordinal);
            var labels = brace >= 0 && brace < space ? line[(brace + 1)..line.LastIndexOf('}')] : "";
            // The exporter may append a timestamp: the value is the first field after the labels.
            var rest = line[(brace >= 0 && brace < space ? line.LastIndexOf('}') + 1 : nameEnd)..].Trim().Split(' ');
            samples.Add((line[..nameEnd], labels, double.Parse(rest[0], CultureInfo.InvariantCulture)));
        }

        return new PrometheusScrape(samples);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include <paramref name="label"/> (<c>key="value"</c>).</summary>
    public double Sum(string name, string label) =>
        Samples.Where(s => s.Name == name && s.Labels.Split(',').Contains(label, StringComparer.Ordinal)).Sum(s => s.Value);
}
