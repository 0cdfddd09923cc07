using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

public sealed class PartitionRangeTests
{
    [Theory]
    [InlineData("orders/3", 3, null, null)]
    [InlineData("orders/3/5-10", 3, 5L, 10L)]
    [InlineData("orders/3/5-", 3, 5L, null)]
    [InlineData("orders/3/-10", 3, null, 10L)]
    [InlineData("orders/3/7", 3, 7L, 7L)]
    public void TryParse_Forms_ReadTopicPartitionAndBounds(string text, int partition, long? from, long? to)
    {
        Assert.True(PartitionRange.TryParse(text, out var range, out _));

        Assert.Equal(new PartitionRange("orders", partition, from, to), range);
        Assert.Equal(range, Parse<PartitionRange>(range.ToString()));
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("orders/x")]
    [InlineData("orders/-1")]
    [InlineData("orders/1/-")]
    [InlineData("orders/1/a-b")]
    [InlineData("orders/1/1-2-3")]
    [InlineData("/1/1-2")]
    [InlineData("a/b/1/1-2")]
    public void TryParse_Malformed_IsRefusedQuotingTheText(string text)
    {
        Assert.False(PartitionRange.TryParse(text, out _, out var problem));

        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_OpenAndClosedBounds_AreInclusive()
    {
        var closed = new PartitionRange("t", 0, 5, 10);
        var open = new PartitionRange("t", 0, FromOffset: 5);

        Assert.Equal([false, true, true, false], new long[] { 4, 5, 10, 11 }.Select(closed.Contains));
        Assert.True(open.Contains(long.MaxValue));
        Assert.True(closed.Overlaps(10, 20));
        Assert.False(closed.Overlaps(11, 20));
        Assert.True(closed.Covers(5, 10));
        Assert.False(closed.Covers(4, 10));
    }

    private static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}
