using EventObserver.Features.Feed;

namespace EventObserver.Components.Tests.Feed;

public sealed class TypeSuggestionsTests
{
    private static readonly string[] Seen = ["OrderPaymentFailed", "OrderPlaced", "PaymentCaptured", "PaymentFailed"];

    [Fact]
    public void For_PartOfAType_OffersThoseStartingWithItFirstThenThoseContainingIt()
    {
        Assert.Equal(["PaymentFailed", "OrderPaymentFailed"], TypeSuggestions.For(Seen, "paymentf"));
    }

    [Fact]
    public void For_NoText_OffersEverySeenType()
    {
        Assert.Equal(Seen, TypeSuggestions.For(Seen, " "));
    }

    [Fact]
    public void For_TextMatchingNoSeenType_OffersTheTypedTextAsAnExactType()
    {
        Assert.Equal(["InvoiceSent"], TypeSuggestions.For(Seen, " InvoiceSent "));
    }
}
