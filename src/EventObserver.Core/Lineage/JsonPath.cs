using System.Globalization;

namespace EventObserver.Core.Lineage;

/// <summary>
/// A compiled dot-notation JSON path from configuration: <c>$.meta.correlation</c>, <c>meta.correlation</c>,
/// <c>$.items[0].id</c>. Each step is a property name or an array index.
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(IReadOnlyList<JsonPathStep> steps) => Steps = steps;

    public IReadOnlyList<JsonPathStep> Steps { get; }

    /// <summary>Null when the path is empty or malformed (a bad mapping is ignored, never fatal).</summary>
    public static JsonPath? TryParse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var span = path.AsSpan().Trim();
        if (span.StartsWith('$'))
        {
            span = span[1..];
        }

        var steps = new List<JsonPathStep>();
        foreach (var range in span.Split('.'))
        {
            var part = span[range].Trim();
            if (part.IsEmpty)
            {
                if (steps.Count == 0 && range.Start.Value == 0)
                {
                    continue; // the dot right after '$'
                }

                return null;
            }

            var bracket = part.IndexOf('[');
            var name = bracket >= 0 ? part[..bracket] : part;
            if (!name.IsEmpty)
            {
                steps.Add(JsonPathStep.Property(name.ToString()));
            }

            while (bracket >= 0)
            {
                var close = part[bracket..].IndexOf(']');
                if (close < 0 || !int.TryParse(part.Slice(bracket + 1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                steps.Add(JsonPathStep.Element(index));
                part = part[(bracket + close + 1)..];
                if (part.IsEmpty)
                {
                    break;
                }

                if (part[0] != '[')
                {
                    return null;
                }

                bracket = 0;
            }
        }

        return steps.Count == 0 ? null : new JsonPath(steps);
    }
}
