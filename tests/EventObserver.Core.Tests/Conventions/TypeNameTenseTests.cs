using EventObserver.Core.Conventions;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Conventions;

public sealed class TypeNameTenseTests
{
    [Theory]
    [InlineData("OrderPlaced")]
    [InlineData("v2.OrderPlaced")]
    [InlineData("order_placed")]
    [InlineData("ORDER-PLACED")]
    [InlineData("com.shop.order.placed.v1")]
    [InlineData("OrderPlacedIntegrationEventV2")]
    [InlineData("Shop.Orders.Events.OrderPlaced, Shop.Orders, Version=1.0.0.0")]
    [InlineData("ItemAddedToCart")]
    [InlineData("PriceSet")]
    [InlineData("PaymentSent")]
    public void IsPastTense_PastTenseNamesInAnySpelling_True(string type)
    {
        Assert.True(TypeNameTense.IsPastTense(type));
        Assert.Equal(MessageKind.Event, TypeNameTense.ReadsAs(type));
    }

    [Theory]
    [InlineData("UpdateStock")]
    [InlineData("OrderEvent")]
    [InlineData("OutOfStock")]
    [InlineData("Order")]
    [InlineData("SetPrice")]
    [InlineData("StockProceed")]
    public void IsPastTense_PresentTenseOrNouns_False(string type) => Assert.False(TypeNameTense.IsPastTense(type));

    [Theory]
    [InlineData("PlaceOrder")]
    [InlineData("place_order")]
    [InlineData("PLACE-ORDER")]
    [InlineData("v2.PlaceOrder")]
    [InlineData("PlaceOrderCommand")]
    [InlineData("SetPrice")]
    [InlineData("urn:message:Shop.Orders:ReserveStock")]
    public void IsImperative_LeadingImperativeVerb_True(string type) => Assert.True(TypeNameTense.IsImperative(type));

    [Theory]
    [InlineData("InventoryRecount", MessageKind.Message)]
    [InlineData("OrderPlaced", MessageKind.Event)]
    [InlineData("GetOrder", MessageKind.Message)]
    [InlineData("StockAdjustment", MessageKind.Message)]
    public void IsImperative_NounsPastTenseAndQueries_FalseAndSayWhatTheyReadAs(string type, MessageKind readsAs)
    {
        Assert.False(TypeNameTense.IsImperative(type));
        Assert.Equal(readsAs, TypeNameTense.ReadsAs(type));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("v2")]
    [InlineData("\u0000\u00ff")]
    public void ReadsAs_EmptyOrMeaninglessNames_Message(string? type) => Assert.Equal(MessageKind.Message, TypeNameTense.ReadsAs(type));
}
