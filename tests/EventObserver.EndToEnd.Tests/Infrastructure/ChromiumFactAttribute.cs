namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's Chromium. Skipped with a reason on a developer machine without it;
/// in CI (env CI=true) it always runs, so a missing browser fails the build instead of hiding.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(ChromiumPath) && !inCi)
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium); browser tests run whenever it is, and always in CI.";
        }
    }
}
