namespace EventObserver.Conventions;

/// <summary>How far back the conventions check looks: the choices a dashboard offers.</summary>
public sealed record ConventionWindow(string Name, TimeSpan Duration, string Label)
{
    public static ConventionWindow FifteenMinutes { get; } = new("15m", TimeSpan.FromMinutes(15), "Last 15 min");

    public static ConventionWindow OneHour { get; } = new("1h", TimeSpan.FromHours(1), "Last hour");

    public static ConventionWindow OneDay { get; } = new("24h", TimeSpan.FromHours(24), "Last 24 h");

    public static IReadOnlyList<ConventionWindow> All { get; } = [FifteenMinutes, OneHour, OneDay];

    public static ConventionWindow Default => OneHour;

    /// <summary>Reads <c>15m</c>, <c>1h</c> or <c>24h</c> (case-insensitive); null or blank gives the default.</summary>
    public static bool TryParse(string? text, out ConventionWindow window)
    {
        window = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var match = All.FirstOrDefault(w => string.Equals(w.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        window = match ?? Default;
        return match is not null;
    }
}
