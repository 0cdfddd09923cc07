using System.Globalization;
using System.Text.RegularExpressions;

namespace EventObserver.Components.Tests.Flows;

/// <summary>The text drawn in the flow map and lineage SVGs gets its size from these style sheets: none under 11 px.</summary>
public sealed partial class GraphStylesheetTests
{
    private const double SmallestReadablePx = 11;

    [Theory]
    [InlineData("flows.css")]
    [InlineData("lineage.css")]
    public void Stylesheet_SvgText_IsAtLeastElevenPixels(string file)
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "wwwroot", "css", file));

        var sizes = Rule().Matches(css)
            .Where(m => m.Groups["selector"].Value.Contains(".eo-fl-", StringComparison.Ordinal) || m.Groups["selector"].Value.Contains(".eo-lg-", StringComparison.Ordinal))
            .SelectMany(m => FontSize().Matches(m.Groups["body"].Value).Select(s => (Selector: m.Groups["selector"].Value.Trim(), Px: double.Parse(s.Groups["px"].Value, CultureInfo.InvariantCulture))))
            .ToList();

        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s.Px >= SmallestReadablePx, $"{s.Selector}: {s.Px}px"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventObserver.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EventObserver.sln not found above the test output.");
    }

    [GeneratedRegex(@"(?<selector>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"font-size:\s*(?<px>[\d.]+)px")]
    private static partial Regex FontSize();
}
