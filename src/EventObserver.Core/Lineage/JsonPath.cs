using System.Globalization;

namespace EventObserver.Core.Lineage;

/// <summary>
/// A compiled dot-notation JSON path from configuration: <c>$.meta.correlation</c>, <c>meta.correlation</c>,
/// <c>$.items[0].id</c>, <c>$['odd.name']</c>. Lineage mappings read one scalar, so they take only names and indexes;
/// masking rules may also use wildcards (<c>$.items[*].card</c>, <c>$.card.*</c>) and descendants (<c>$..cvv</c>).
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(IReadOnlyList<JsonPathStep> steps, string text)
    {
        Steps = steps;
        Text = text;
    }

    public IReadOnlyList<JsonPathStep> Steps { get; }

    /// <summary>The path as configured (trimmed).</summary>
    public string Text { get; }

    /// <summary>Null when the path is empty, malformed or uses wildcards (a bad mapping is ignored, never fatal).</summary>
    public static JsonPath? TryParse(string? path) => TryParse(path, allowWildcards: false);

    /// <summary>Null when the path is empty or malformed, or uses wildcards or descendants without <paramref name="allowWildcards"/>.</summary>
    public static JsonPath? TryParse(string? path, bool allowWildcards)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var text = path.Trim();
        var span = text.AsSpan();
        var i = span[0] == '$' ? 1 : 0;
        var steps = new List<JsonPathStep>();
        while (i < span.Length)
        {
            var descendant = false;
            if (span[i] == '.')
            {
                i++;
                if (i < span.Length && span[i] == '.')
                {
                    descendant = true;
                    i++;
                }

                if (descendant && i < span.Length && span[i] == '[')
                {
                    if (!TryBracket(span, ref i, descendant, steps))
                    {
                        return null;
                    }

                    continue;
                }
            }
            else if (span[i] == '[')
            {
                if (!TryBracket(span, ref i, descendant: false, steps))
                {
                    return null;
                }

                continue;
            }
            else if (steps.Count > 0)
            {
                return null; // "a[0]b": a name must follow a dot
            }

            var end = i;
            while (end < span.Length && span[end] is not ('.' or '['))
            {
                end++;
            }

            var name = span[i..end].Trim();
            if (name.IsEmpty)
            {
                return null;
            }

            steps.Add(name is "*" ? JsonPathStep.AnyProperty(descendant) : JsonPathStep.Property(name.ToString(), descendant));
            i = end;
        }

        if (steps.Count == 0 || (!allowWildcards && steps.Exists(s => s.IsWildcard)))
        {
            return null;
        }

        return new JsonPath(steps, text);
    }

    /// <summary>Reads <c>[3]</c>, <c>[*]</c>, <c>['name']</c> or <c>["name"]</c> starting at the bracket.</summary>
    private static bool TryBracket(ReadOnlySpan<char> span, ref int i, bool descendant, List<JsonPathStep> steps)
    {
        var rest = span[(i + 1)..];
        if (!rest.IsEmpty && rest[0] is '\'' or '"')
        {
            var quote = rest[0];
            var closing = rest[1..].IndexOf(quote);
            if (closing < 0 || closing + 2 >= rest.Length || rest[closing + 2] != ']')
            {
                return false;
            }

            steps.Add(JsonPathStep.Property(rest.Slice(1, closing).ToString(), descendant));
            i += closing + 4;
            return true;
        }

        var close = rest.IndexOf(']');
        if (close < 0)
        {
            return false;
        }

        var inside = rest[..close];
        if (inside is "*")
        {
            steps.Add(JsonPathStep.AnyElement(descendant));
        }
        else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            steps.Add(JsonPathStep.Element(index, descendant));
        }
        else
        {
            return false;
        }

        i += close + 2;
        return true;
    }
}
