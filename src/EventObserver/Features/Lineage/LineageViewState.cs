using System.Globalization;

using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>
/// What of the lineage view lives in its address (<c>lineage?event=…&amp;direction=causes&amp;limit=400</c>), so a reload
/// or coming back keeps it: the direction and the raised node limit. Defaults are left out of the address.
/// </summary>
public static class LineageViewState
{
    public static string DirectionText(LineageDirection direction) => direction switch
    {
        LineageDirection.Up => "causes",
        LineageDirection.Down => "effects",
        _ => "both",
    };

    /// <summary>The direction named in the address; anything else (missing, misspelt) is both ways.</summary>
    public static LineageDirection ParseDirection(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "causes" or "up" => LineageDirection.Up,
        "effects" or "down" => LineageDirection.Down,
        _ => LineageDirection.Both,
    };

    /// <summary>The node limit named in the address, kept between the default and the cap.</summary>
    public static int ParseLimit(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? Math.Clamp(limit, LineageQueries.DefaultMaxNodes, LineageQueries.MaxNodesCap)
            : LineageQueries.DefaultMaxNodes;

    /// <summary>The address of <paramref name="start"/> seen in <paramref name="direction"/> with <paramref name="limit"/> nodes at most.</summary>
    public static string Href(LineageStart start, LineageDirection direction, int limit)
    {
        ArgumentNullException.ThrowIfNull(start);
        var href = start.Event is { } position
            ? "lineage?event=" + Uri.EscapeDataString(position.ToString())
            : "lineage?correlation=" + Uri.EscapeDataString(start.CorrelationId ?? "");
        if (start.Event is not null && direction != LineageDirection.Both)
        {
            href += "&direction=" + DirectionText(direction);
        }

        if (limit > LineageQueries.DefaultMaxNodes)
        {
            href += "&limit=" + limit.ToString(CultureInfo.InvariantCulture);
        }

        return href;
    }
}
