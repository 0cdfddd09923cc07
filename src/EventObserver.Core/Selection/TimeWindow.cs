using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EventObserver.Core.Selection;

/// <summary>
/// How far back a page that analyses recent traffic looks (flow map, conventions): a number and a unit (<c>30s</c>,
/// <c>5m</c>, <c>1h</c>, <c>2d</c>), at most <see cref="Max"/>. <see cref="Text"/> is the form used in URLs and the API.
/// </summary>
public sealed record TimeWindow(TimeSpan Length, string Text) : IQueryValue<TimeWindow>
{
    /// <summary>
    /// Most messages one analysis of a window reads: the newest of the window when it holds more, so a busy day is
    /// never decoded whole.
    /// </summary>
    public const int MaxEvents = 200_000;

    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static TimeWindow FiveMinutes { get; } = new(TimeSpan.FromMinutes(5), "5m");

    public static TimeWindow FifteenMinutes { get; } = new(TimeSpan.FromMinutes(15), "15m");

    public static TimeWindow OneHour { get; } = new(TimeSpan.FromHours(1), "1h");

    public static TimeWindow OneDay { get; } = new(TimeSpan.FromHours(24), "24h");

    /// <summary>How pages name the window ("Last hour").</summary>
    public string Label => Text switch
    {
        "15m" => "Last 15 min",
        "1h" => "Last hour",
        "24h" => "Last 24 h",
        _ => $"Last {Text}",
    };

    public static bool TryParse(
        [NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out TimeWindow result, [NotNullWhen(false)] out string? problem)
    {
        result = null;
        var value = text?.Trim().ToLowerInvariant() ?? "";
        TimeSpan? length = value.Length > 1
            && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n is > 0 and <= 100_000
            ? value[^1] switch
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

        result = new TimeWindow(length.Value, value);
        problem = null;
        return true;
    }

    /// <summary><paramref name="text"/> when it is a window, else <paramref name="fallback"/> (pages never fail on a bad URL).</summary>
    public static TimeWindow ParseOr(string? text, TimeWindow fallback) => TryParse(text, out var window, out _) ? window : fallback;

    public override string ToString() => Text;
}
