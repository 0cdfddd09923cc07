using EventObserver.Core.Flows;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 15 * 60)]
    [InlineData(" 2H ", 2 * 3600)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("7d", 7 * 86400)]
    public void TryParse_NumberAndUnit_GivesTheLengthAndLowerCaseText(string text, int seconds)
    {
        Assert.True(TimeWindow.TryParse(text, out var window, out _));

        Assert.Equal(TimeSpan.FromSeconds(seconds), window.Length);
        Assert.Equal(text.Trim().ToLowerInvariant(), window.Text);
    }

    [Theory]
    [InlineData("soon", "is not a window")]
    [InlineData("0m", "is not a window")]
    [InlineData("15x", "is not a window")]
    [InlineData("-1", "is not a window")]
    [InlineData("1.5h", "is not a window")]
    [InlineData("", "is not a window")]
    [InlineData("30d", "longer than the longest window, 7d")]
    [InlineData("169h", "longer than the longest window, 7d")]
    public void TryParse_BadOrTooLong_IsRefusedQuotingTheText(string text, string reason)
    {
        Assert.False(TimeWindow.TryParse(text, out _, out var problem));

        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOr_BadText_GivesTheFallback()
    {
        Assert.Equal(TimeWindow.OneHour, TimeWindow.ParseOr("forever", TimeWindow.OneHour));
        Assert.Equal(TimeWindow.OneDay, TimeWindow.ParseOr("24H", TimeWindow.OneHour));
        Assert.Equal(TimeWindow.FifteenMinutes, TimeWindow.ParseOr(null, TimeWindow.FifteenMinutes));
    }

    [Fact]
    public void Parse_ThroughIParsable_EqualsTheNamedWindows()
    {
        Assert.Equal(TimeWindow.FiveMinutes, Parse<TimeWindow>("5m"));
        Assert.Equal(TimeWindow.OneDay, Parse<TimeWindow>("24h"));
        Assert.NotEqual(TimeWindow.OneHour, Parse<TimeWindow>("60m"));
        Assert.Throws<FormatException>(() => Parse<TimeWindow>("8d"));
    }

    [Fact]
    public void Label_NamedWindows_ReadAsThePagesShowThem()
    {
        Assert.Equal(["Last 15 min", "Last hour", "Last 24 h", "Last 90s"],
            new[] { TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay, Parse<TimeWindow>("90s") }.Select(w => w.Label));
    }

    [Fact]
    public void MaxEvents_IsTheFlowMapsDefaultCap()
    {
        Assert.Equal(200_000, TimeWindow.MaxEvents);
        Assert.Equal(TimeWindow.MaxEvents, new FlowMapOptions().MaxEvents);
    }

    private static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}
