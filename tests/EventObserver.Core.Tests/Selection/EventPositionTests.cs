using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Selection;

public sealed class EventPositionTests
{
    // Moved from the replay form's position parser: one rule for every page and the API.
    [Theory]
    [InlineData("a/1/2", true)]
    [InlineData("a/-1/2", false)]
    [InlineData("a/1", false)]
    [InlineData("/1/2", false)]
    [InlineData("a/x/2", false)]
    public void TryParsePosition_Texts_AcceptsOnlyTopicPartitionOffset(string text, bool ok) =>
        Assert.Equal(ok, EventPosition.TryParse(text, out _));

    [Theory]
    [InlineData("orders.events/3/42", "orders.events", 3, 42L)]
    [InlineData(" lin.orders-commands_v2/0/0 ", "lin.orders-commands_v2", 0, 0L)]
    public void TryParse_Position_ReadsItsParts(string text, string topic, int partition, long offset)
    {
        Assert.True(EventPosition.TryParse(text, out var position));

        Assert.Equal(new EventPosition(topic, partition, offset), position);
    }

    [Theory]
    [InlineData("a/b/1/2")]
    [InlineData("a/1/2/")]
    [InlineData("a/+1/2")]
    [InlineData("a/1/2.0")]
    [InlineData("a/ 1/2")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefusedWithTheExpectedForm(string? text)
    {
        Assert.False(EventPosition.TryParse(text, out _, out var problem));

        Assert.Contains("topic/partition/offset", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ThenParse_GivesTheSamePosition()
    {
        var position = new EventPosition("payments.dlq", 7, 1_234_567_890_123);

        Assert.Equal(position, Parse<EventPosition>(position.ToString()));
        Assert.Equal("payments.dlq/7/1234567890123", position.ToString());
    }

    private static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}
