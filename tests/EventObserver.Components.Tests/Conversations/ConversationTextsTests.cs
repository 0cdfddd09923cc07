using EventObserver.Core.Conversations;
using EventObserver.Features.Conversations;

namespace EventObserver.Components.Tests.Conversations;

public sealed class ConversationTextsTests
{
    [Fact]
    public void Deadline_Configured_SaysTheDurationAndConfigured()
    {
        var process = Process(DeadlineSource.Configured, TimeSpan.FromMinutes(2), basis: 0);

        Assert.Equal("2 min, configured", ConversationTexts.Deadline(process, 20));
    }

    [Fact]
    public void Deadline_Suggested_SaysFromWhichP99AndHowManyCompleted()
    {
        var process = Process(DeadlineSource.Suggested, TimeSpan.FromSeconds(45), basis: 1312);

        Assert.Equal("suggested 45 s from p99 of 1,312 completed", ConversationTexts.Deadline(process, 20));
    }

    [Fact]
    public void Deadline_None_SaysWhenOneWillBeSuggestedAndWhereToConfigureIt()
    {
        var process = Process(DeadlineSource.None, null, basis: 3);

        var text = ConversationTexts.Deadline(process, 20);

        Assert.Equal("none yet: suggested after 20 completed (3 so far), or set Within in EventObserver:Monitoring:Processes", text);
    }

    [Theory]
    [InlineData(850, "850 ms")]
    [InlineData(1500, "1 s")]
    [InlineData(130_000, "2 min 10 s")]
    public void DurationMs_Values_ReadAsShortDurations(long milliseconds, string expected) =>
        Assert.Equal(expected, ConversationTexts.DurationMs(milliseconds));

    [Theory]
    [InlineData("stuck", true)]
    [InlineData("Failed", true)]
    [InlineData("3", false)]
    [InlineData("-1", false)]
    [InlineData("late", false)]
    [InlineData("", false)]
    public void TryParseStatus_Text_AcceptsOnlyStatusNames(string text, bool accepted) =>
        Assert.Equal(accepted, ConversationTexts.TryParseStatus(text, out _));

    [Fact]
    public void Links_KeyWithReservedCharacters_AreEscaped()
    {
        Assert.Equal("lineage?correlation=a%2Fb%20c", ConversationLinks.Lineage("a/b c"));
        Assert.Equal("replay?correlationId=a%26b", ConversationLinks.Replay("a&b"));
        Assert.Equal("conversations?process=Place%20Order", ConversationLinks.Process("Place Order"));
    }

    private static ProcessSummary Process(DeadlineSource source, TimeSpan? within, long basis) => new()
    {
        Name = "PlaceOrder",
        Start = "PlaceOrder",
        DeadlineSource = source,
        Within = within,
        SuggestedWithin = source == DeadlineSource.Suggested ? within : null,
        SuggestionBasis = basis,
    };
}
