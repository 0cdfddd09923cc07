using System.Globalization;

namespace EventObserver.Flows;

/// <summary>
/// How far back the flow map looks: a number and a unit (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c>), at most
/// <see cref="Max"/>. <see cref="Text"/> is the canonical form used in URLs and the API.
/// </summary>
public sealed record FlowWindow(TimeSpan Length, string Text)
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static FlowWindow Default { get; } = new(TimeSpan.FromMinutes(15), "15m");

    /// <summary>The windows the page offers.</summary>
    public static IReadOnlyList<FlowWindow> Choices { get; } =
    [
        new(TimeSpan.FromMinutes(5), "5m"),
        Default,
        new(TimeSpan.FromHours(1), "1h"),
        new(TimeSpan.FromHours(24), "24h"),
    ];

    /// <summary>Reads <paramref name="text"/>; empty means <see cref="Default"/>. False with a message when it is not a window.</summary>
    public static bool TryParse(string? text, out FlowWindow window, out string? problem)
    {
        window = Default;
        problem = null;
        var value = text?.Trim().ToLowerInvariant() ?? "";
        if (value.Length == 0)
        {
            return true;
        }

        var unit = value[^1];
        var number = value[..^1];
        TimeSpan? length = long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 100_000
            ? unit switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            }
            : null;
        if (length is null)
        {
            problem = $"'{text}' is not a window; use a number and a unit, e.g. 5m, 15m, 1h or 24h.";
            return false;
        }

        if (length > Max)
        {
            problem = $"'{text}' is longer than the longest window, 7d.";
            return false;
        }

        window = new FlowWindow(length.Value, value);
        return true;
    }

    /// <summary>A window for the page: <paramref name="text"/> when valid, else the default.</summary>
    public static FlowWindow ParseOrDefault(string? text) => TryParse(text, out var window, out _) ? window : Default;
}
