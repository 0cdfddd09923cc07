namespace EventObserver.Features.Feed;

/// <summary>The type filter's suggestions for what was typed: seen types that start with it, then those that contain it.</summary>
public static class TypeSuggestions
{
    public const int MaxSuggestions = 50;

    /// <summary>
    /// Seen types matching <paramref name="text"/> (ignoring case), those starting with it first; every seen type for no
    /// text. When none matches, the typed text itself, so a type not seen yet can still be chosen as an exact type.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> seen, string? text)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return [.. seen.Take(MaxSuggestions)];
        }

        var matches = seen
            .Where(t => t.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
        return matches.Count > 0 ? matches : [typed];
    }
}
