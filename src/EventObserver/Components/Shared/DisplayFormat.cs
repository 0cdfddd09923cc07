using System.Globalization;

namespace EventObserver.Components.Shared;

/// <summary>Short, human-readable numbers for the UI.</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Rate(double perSecond) => perSecond switch
    {
        0 => "0",
        < 10 => perSecond.ToString("0.0", Culture),
        _ => perSecond.ToString("N0", Culture),
    };

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", Culture) + " " + units[unit];
    }

    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "—";
        }

        var age = now - at.Value;
        return age.TotalSeconds switch
        {
            < 1 => "just now",
            < 60 => $"{(int)age.TotalSeconds} s ago",
            < 3600 => $"{(int)age.TotalMinutes} min ago",
            < 86400 => $"{(int)age.TotalHours} h ago",
            _ => at.Value.ToString("yyyy-MM-dd HH:mm", Culture),
        };
    }

    /// <summary>At most <paramref name="max"/> characters of a user-given text, with an ellipsis when cut.</summary>
    public static string Clip(string? text, int max = 200) =>
        text is null ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    /// <summary>"Behind by 12,345 messages since 12:00:05 UTC".</summary>
    public static string Behind(long messages, DateTimeOffset since) =>
        $"Behind by {Count(messages)} messages since {since.ToUniversalTime().ToString("HH:mm:ss", Culture)} UTC";

    public static string Timestamp(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture) ?? "";
}
