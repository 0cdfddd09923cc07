using EventObserver.Core.Groups;
using EventObserver.Features.Groups;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.Components.Tests.Groups;

public sealed class GroupFilterTests
{
    private static readonly ConsumerGroupStatus Billing = Group("billing", GroupState.Stable, [Partition("orders", 0, 90, 100, TimeSpan.FromSeconds(5))]);
    private static readonly ConsumerGroupStatus Analytics = Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 100, TimeSpan.FromMinutes(3))]);
    private static readonly ConsumerGroupStatus Archive = Group("archive", GroupState.Empty, [Partition("orders", 0, 100, 100)]);
    private static readonly ConsumerGroupStatus Mailer = Group("mailer", GroupState.Dead, [Partition("mail", 0, 0, 40, TimeSpan.FromSeconds(50))]);
    private static readonly ConsumerGroupStatus[] All = [Mailer, Billing, Archive, Analytics];

    [Theory]
    [InlineData(GroupSort.Name, false, "analytics,archive,billing,mailer")]
    [InlineData(GroupSort.Name, true, "mailer,billing,archive,analytics")]
    [InlineData(GroupSort.Lag, true, "analytics,mailer,billing,archive")]
    [InlineData(GroupSort.Lag, false, "archive,billing,mailer,analytics")]
    [InlineData(GroupSort.TimeLag, true, "analytics,mailer,billing,archive")]
    [InlineData(GroupSort.State, false, "mailer,archive,analytics,billing")]
    public void Apply_Sort_OrdersByThatColumnThenById(GroupSort sort, bool descending, string expected)
    {
        var filter = new GroupFilter(Sort: sort, Descending: descending);

        var ordered = filter.Apply(All);

        Assert.Equal(expected, string.Join(",", ordered.Select(g => g.GroupId)));
    }

    [Fact]
    public void Apply_TextStateAndLaggingOnly_KeepOnlyMatchingGroups()
    {
        Assert.Equal(["archive"], new GroupFilter(" AR ").Apply(All).Select(g => g.GroupId));
        Assert.Equal(["analytics", "archive", "mailer"], new GroupFilter("a").Apply(All).Select(g => g.GroupId));
        Assert.Equal(["analytics", "billing"], new GroupFilter(State: GroupState.Stable).Apply(All).Select(g => g.GroupId));
        Assert.Equal(["analytics", "billing", "mailer"], new GroupFilter(LaggingOnly: true).Apply(All).Select(g => g.GroupId));
        Assert.Equal(["billing"], new GroupFilter("LL", GroupState.Stable, LaggingOnly: true).Apply(All).Select(g => g.GroupId));
        Assert.Empty(new GroupFilter("nothing-like-it").Apply(All));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.0, "0 s")]
    [InlineData(45.9, "45 s")]
    [InlineData(130.0, "2 min 10 s")]
    [InlineData(180.0, "3 min")]
    [InlineData(3900.0, "1 h 5 min")]
    [InlineData(93600.0, "1 d 2 h")]
    public void Duration_Seconds_ReadsLikeSpeech(double? seconds, string expected)
    {
        var text = GroupTexts.Duration(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(expected, text);
    }
}
