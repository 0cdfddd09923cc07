using System.Globalization;

using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>Reads and checks <c>direction</c>, <c>depth</c> and <c>maxNodes</c>, collecting every problem by parameter name.</summary>
public static class LineageQueryParser
{
    public static LineageDirection Direction(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var value = query["direction"].ToString().Trim();
        switch (value.ToLowerInvariant())
        {
            case "":
            case "both":
                return LineageDirection.Both;
            case "up":
                return LineageDirection.Up;
            case "down":
                return LineageDirection.Down;
            default:
                errors["direction"] = [$"'{value}' is not a direction; use up, down or both."];
                return LineageDirection.Both;
        }
    }

    public static int Depth(IQueryCollection query, Dictionary<string, string[]> errors) =>
        Number(query, "depth", LineageQueries.DefaultDepth, 0, LineageQueries.MaxDepthCap, errors);

    public static int MaxNodes(IQueryCollection query, Dictionary<string, string[]> errors) =>
        Number(query, "maxNodes", LineageQueries.DefaultMaxNodes, 1, LineageQueries.MaxNodesCap, errors);

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var value = query[name].ToString().Trim();
        if (value.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [$"'{value}' is not a valid {name}; use a whole number from {min} to {max}."];
        return fallback;
    }
}
