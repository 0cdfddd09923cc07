using EventObserver.Features.Feed;

namespace EventObserver.Components.Tests.Feed;

public sealed class FeedTextTests
{
    [Theory]
    [InlineData(0, "0 rows in view")]
    [InlineData(1, "1 row in view")]
    [InlineData(2, "2 rows in view")]
    [InlineData(1_000, "1,000 rows in view")]
    public void RowsInView_Count_IsSingularOnlyForOne(int rows, string expected)
    {
        Assert.Equal(expected, FeedText.RowsInView(rows));
    }

    [Theory]
    [InlineData(1, "1 new event")]
    [InlineData(2, "2 new events")]
    [InlineData(12_345, "12,345 new events")]
    public void NewEvents_Count_IsSingularOnlyForOne(long events, string expected)
    {
        Assert.Equal(expected, FeedText.NewEvents(events));
    }

    [Fact]
    public void HoldReason_ScrolledAndPointer_NamesBoth()
    {
        Assert.Equal("while the list is scrolled down and the pointer is on the list", FeedText.HoldReason(FeedHold.Scrolled | FeedHold.Pointer));
    }

    [Fact]
    public void HoldReason_None_IsEmpty()
    {
        Assert.Equal("", FeedText.HoldReason(FeedHold.None));
    }
}
