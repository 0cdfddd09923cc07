using System.Globalization;

namespace EventObserver.Features.Flows;

/// <summary>
/// The span a flow map covers, as the summary shows it: times alone within one day, with the dates when it spans
/// days (a 24 h window starts and ends at the same time of day, so times alone read as an empty range).
/// </summary>
public static class FlowTimeRange
{
    public static string Text(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        if (start.Date == end.Date)
        {
            return $"{Clock(start)}–{Clock(end)} UTC";
        }

        var year = start.Year == end.Year ? "" : " yyyy";
        return $"{Day(start, year)} {Clock(start)} – {Day(end, year)} {Clock(end)} UTC";
    }

    private static string Clock(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at, string year) => at.ToString("d MMM" + year, CultureInfo.InvariantCulture);
}
