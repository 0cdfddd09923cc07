using EventObserver.Features.Flows;

namespace EventObserver.Components.Tests.Flows;

public sealed class FlowTimeRangeTests
{
    [Fact]
    public void Text_WithinOneDay_ShowsTimesOnly()
    {
        var to = new DateTimeOffset(2025, 3, 1, 12, 0, 5, TimeSpan.Zero);

        var text = FlowTimeRange.Text(to.AddMinutes(-15), to);

        Assert.Equal("11:45:05–12:00:05 UTC", text);
    }

    [Fact]
    public void Text_TwentyFourHours_ShowsBothDatesSoTheRangeIsNotEmpty()
    {
        var to = new DateTimeOffset(2025, 3, 2, 4, 11, 35, TimeSpan.Zero);

        var text = FlowTimeRange.Text(to.AddHours(-24), to);

        Assert.Equal("1 Mar 04:11:35 – 2 Mar 04:11:35 UTC", text);
    }

    [Fact]
    public void Text_OffsetTimesAcrossTheYearEnd_AreShownInUtcWithYears()
    {
        var to = new DateTimeOffset(2025, 1, 1, 2, 30, 0, TimeSpan.FromHours(2));

        var text = FlowTimeRange.Text(to.AddHours(-1), to);

        Assert.Equal("31 Dec 2024 23:30:00 – 1 Jan 2025 00:30:00 UTC", text);
    }
}
