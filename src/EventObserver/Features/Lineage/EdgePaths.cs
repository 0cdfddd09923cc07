using System.Globalization;
using System.Text;

using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Features.Lineage;

/// <summary>Turns a layout route into SVG path data: straight where level, S-curves with horizontal tangents between rows.</summary>
public static class EdgePaths
{
    public static string ToPathData(IReadOnlyList<LayoutPoint> points, bool selfLoop)
    {
        if (points.Count < 2)
        {
            return "";
        }

        var d = new StringBuilder(points.Count * 24);
        d.Append('M').Append(N(points[0].X)).Append(' ').Append(N(points[0].Y));
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (selfLoop || Math.Abs(a.Y - b.Y) < 0.5)
            {
                d.Append(" L").Append(N(b.X)).Append(' ').Append(N(b.Y));
                continue;
            }

            var half = (b.X - a.X) / 2;
            d.Append(" C").Append(N(a.X + half)).Append(' ').Append(N(a.Y))
                .Append(' ').Append(N(b.X - half)).Append(' ').Append(N(b.Y))
                .Append(' ').Append(N(b.X)).Append(' ').Append(N(b.Y));
        }

        return d.ToString();
    }

    /// <summary>Where the latency label goes: the middle of the last segment, the gap just before the effect.</summary>
    public static LayoutPoint LabelPoint(IReadOnlyList<LayoutPoint> points)
    {
        if (points.Count == 0)
        {
            return new LayoutPoint(0, 0);
        }

        if (points.Count == 1)
        {
            return points[0];
        }

        var (a, b) = (points[^2], points[^1]);
        return new LayoutPoint((a.X + b.X) / 2, (a.Y + b.Y) / 2);
    }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
