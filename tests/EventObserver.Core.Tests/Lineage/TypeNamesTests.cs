using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Lineage;

public sealed class TypeNamesTests
{
    [Theory]
    [InlineData("Shop.Messages.OrderPlaced, Shop.Messages, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", "OrderPlaced")]
    [InlineData("Shop.Messages.OrderPlaced;Shop.Messages.IEvent", "OrderPlaced")]
    [InlineData("Shop.Sagas.OrderSaga+Timeout, Shop", "Timeout")]
    [InlineData("Shop.Envelope`1[[Shop.OrderPlaced, Shop]], Shop", "Envelope")]
    [InlineData("io.shop.orders.OrderPlacedEvent", "OrderPlacedEvent")]
    [InlineData("OrderPlaced", "OrderPlaced")]
    public void SimplifyClassName_StripsNamespaceAndAssembly(string value, string expected)
    {
        Assert.Equal(expected, TypeNames.SimplifyClassName(value));
    }

    [Theory]
    [InlineData("urn:message:Shop.Contracts:SubmitOrder", "SubmitOrder")]
    [InlineData("URN:MESSAGE:Shop.Contracts:SubmitOrder;urn:message:Shop.Contracts:ICommand", "SubmitOrder")]
    [InlineData("urn:message:Shop.Contracts:Batch[[Shop.Contracts:Item]]", "Batch")]
    [InlineData("com.shop.order.placed", "com.shop.order.placed")]
    [InlineData("Shop.Orders.OrderPlaced", "Shop.Orders.OrderPlaced")]
    public void FromMessageTypeHeader_ReducesOnlyMassTransitUrns(string value, string expected)
    {
        Assert.Equal(expected, TypeNames.FromMessageTypeHeader(value));
    }

    [Theory]
    [InlineData("rabbitmq://localhost/vhost/order-service", "order-service")]
    [InlineData("loopback://localhost/billing/", "billing")]
    [InlineData("kafka://broker:9092/shipping?bind=true", "shipping")]
    [InlineData("inventory", "inventory")]
    public void LastPathSegment_ReturnsEndpointName(string address, string expected)
    {
        Assert.Equal(expected, TypeNames.LastPathSegment(address));
    }
}
