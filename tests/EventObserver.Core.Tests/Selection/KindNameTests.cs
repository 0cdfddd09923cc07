using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

public sealed class KindNameTests
{
    [Theory]
    [InlineData("Command", MessageKind.Command)]
    [InlineData("event", MessageKind.Event)]
    [InlineData(" MESSAGE ", MessageKind.Message)]
    public void TryParse_Name_IgnoresCaseAndSpaces(string text, MessageKind expected)
    {
        Assert.True(KindName.TryParse(text, out var kind, out var problem));

        Assert.Equal(expected, kind.Kind);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1,2")]
    [InlineData("Command,Event")]
    [InlineData("Query")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NumberCombinationOrUnknown_IsRefusedNamingTheChoices(string? text)
    {
        Assert.False(KindName.TryParse(text, out _, out var problem));

        Assert.Equal($"kind '{text}' is not one of Command, Event, Message", problem);
    }

    [Fact]
    public void Parse_ThroughIParsable_ReadsNamesAndThrowsFormatExceptionOtherwise()
    {
        Assert.Equal(new KindName(MessageKind.Event), Parse<KindName>("Event"));
        Assert.False(TryParse<KindName>("2", out _));
        Assert.Contains("not one of", Assert.Throws<FormatException>(() => Parse<KindName>("2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsTheName()
    {
        Assert.Equal("Command", new KindName(MessageKind.Command).ToString());
    }

    private static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);

    private static bool TryParse<T>(string text, out T? value) where T : IParsable<T> => T.TryParse(text, null, out value);
}
