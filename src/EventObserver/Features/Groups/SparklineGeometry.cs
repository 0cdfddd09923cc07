using System.Globalization;
using System.Text;

using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>
/// The points of a lag sparkline: samples spread over <see cref="GroupQueries.SparklineSpan"/> ending now (so a gap in
/// sampling shows as a gap in time, not a squeezed line), lag scaled to the largest value shown, zero at the bottom.
/// </summary>
public static class SparklineGeometry
{
    /// <summary>An SVG polyline's <c>points</c> ("x,y x,y"), or empty when there is nothing to draw.</summary>
    public static string Points(IReadOnlyList<LagSample> samples, DateTimeOffset now, TimeSpan span, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0 || span <= TimeSpan.Zero)
        {
            return "";
        }

        var start = now - span;
        var max = Math.Max(1, samples.Max(s => s.TotalLag));
        var text = new StringBuilder();
        foreach (var sample in samples.Where(s => s.At >= start))
        {
            var x = Math.Clamp((sample.At - start) / span, 0, 1) * width;
            // 1 px margins so a flat line at zero or at the top is not cut by the box.
            var y = 1 + ((height - 2) * (1 - ((double)sample.TotalLag / max)));
            text.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return text.ToString().TrimEnd();
    }
}
