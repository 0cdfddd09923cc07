using System.Globalization;
using System.Text;

using EventObserver.Core.Conversations;

namespace EventObserver.Features.Conversations;

/// <summary>
/// The points of a stuck-over-time chart: samples spread over the window ending now (a gap in sampling stays a gap in
/// time), counts scaled to the largest shown, zero at the bottom; the same rule as the groups' lag sparkline.
/// </summary>
public static class StuckChartGeometry
{
    /// <summary>An SVG polyline's <c>points</c> ("x,y x,y"), or empty when no sample falls in the window.</summary>
    public static string Points(IReadOnlyList<StuckPoint> points, DateTimeOffset now, TimeSpan span, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (span <= TimeSpan.Zero)
        {
            return "";
        }

        var start = now - span;
        var shown = points.Where(p => p.At >= start && p.At <= now).ToList();
        if (shown.Count == 0)
        {
            return "";
        }

        var max = Math.Max(1, shown.Max(p => p.Stuck));
        var text = new StringBuilder();
        foreach (var point in shown)
        {
            var x = Math.Clamp((point.At - start) / span, 0, 1) * width;
            // 1 px margins so a flat line at zero or at the top is not cut by the box.
            var y = 1 + ((height - 2) * (1 - ((double)point.Stuck / max)));
            text.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return text.ToString().TrimEnd();
    }
}
