using EventObserver.Core.Envelopes;
using EventObserver.Core.Kinds;

namespace EventObserver.Core.Tests.Kinds;

public sealed class MessageKindClassifierTests
{
    /// <summary>Real-world names from NServiceBus, MassTransit, Axon, eShop, EventStore and Eventuous samples.</summary>
    public static TheoryData<string, MessageKind> RealWorldTypeNames => new()
    {
        // Events
        { "OrderPlaced", MessageKind.Event },
        { "OrderStatusChangedToPaidIntegrationEvent", MessageKind.Event },
        { "UserCheckoutAcceptedIntegrationEvent", MessageKind.Event },
        { "GracePeriodConfirmedIntegrationEvent", MessageKind.Event },
        { "ProductPriceChangedIntegrationEvent", MessageKind.Event },
        { "OrderStatusChangedToStockConfirmedIntegrationEvent", MessageKind.Event },
        { "OrderPaymentSucceededIntegrationEvent", MessageKind.Event },
        { "PaymentFailed", MessageKind.Event },
        { "StockReserved", MessageKind.Event },
        { "ItemAddedToCart", MessageKind.Event },
        { "BankAccountOpened", MessageKind.Event },
        { "MoneyWithdrawn", MessageKind.Event },
        { "MoneyDeposited", MessageKind.Event },
        { "OrderCreatedEvent", MessageKind.Event },
        { "OrderShipped", MessageKind.Event },
        { "OrderCancelled", MessageKind.Event },
        { "OrderBilled", MessageKind.Event },
        { "OrderAccepted", MessageKind.Event },
        { "OrderSubmitted", MessageKind.Event },
        { "PaymentSent", MessageKind.Event },
        { "InvoicePaid", MessageKind.Event },
        { "RoomBooked", MessageKind.Event },
        { "BookingPaymentRegistered", MessageKind.Event },
        { "GiftCardBought", MessageKind.Event },
        { "PasswordReset", MessageKind.Event },
        { "PriceSet", MessageKind.Event },
        { "MessageRead", MessageKind.Event },
        { "UserLoggedIn", MessageKind.Event },
        { "StockReservedForOrder", MessageKind.Event },
        { "com.example.order.placed", MessageKind.Event },
        { "com.example.order.placed.v1", MessageKind.Event },
        { "order_shipped", MessageKind.Event },
        { "order-cancelled", MessageKind.Event },
        { "ORDER_PLACED", MessageKind.Event },
        { "orderPlaced", MessageKind.Event },
        { "OrderPlacedV2", MessageKind.Event },
        { "Shop.Orders.Events.OrderPlaced, Shop.Orders", MessageKind.Event },
        { "io.axoniq.demo.giftcard.api.CardIssuedEvent", MessageKind.Event },
        { "V1.RoomBooked", MessageKind.Event },
        { "ShipmentDispatched", MessageKind.Event },
        { "EmailSentToCustomer", MessageKind.Event },
        { "AccountFrozen", MessageKind.Event },
        { "DeliveryTaken", MessageKind.Event },
        { "LoginSucceeded", MessageKind.Event },

        // Commands
        { "PlaceOrder", MessageKind.Command },
        { "CreateOrderCommand", MessageKind.Command },
        { "SetStockConfirmedOrderStatusCommand", MessageKind.Command },
        { "SetAwaitingValidationOrderStatusCommand", MessageKind.Command },
        { "CancelOrder", MessageKind.Command },
        { "ShipOrder", MessageKind.Command },
        { "AddItemToCart", MessageKind.Command },
        { "WithdrawMoney", MessageKind.Command },
        { "OpenBankAccount", MessageKind.Command },
        { "SubmitOrder", MessageKind.Command },
        { "ReserveStock", MessageKind.Command },
        { "ChargePayment", MessageKind.Command },
        { "BookRoom", MessageKind.Command },
        { "IssueCardCommand", MessageKind.Command },
        { "RedeemCmd", MessageKind.Command },
        { "SetPrice", MessageKind.Command },
        { "ResetPassword", MessageKind.Command },
        { "place_order", MessageKind.Command },
        { "cancel-order", MessageKind.Command },
        { "urn:message:Shop.Contracts:SubmitOrder", MessageKind.Command },
        { "Shop.Commands.Whatever", MessageKind.Command },
        { "com.shop.payment.charge", MessageKind.Command },
        { "RecordBookingPayment", MessageKind.Command },

        // Neither
        { "OrderSummary", MessageKind.Message },
        { "GetOrderDetails", MessageKind.Message },
        { "ReadModelSnapshot", MessageKind.Message },
        { "Heartbeat", MessageKind.Message },
        { "CustomerProfile", MessageKind.Message },
        { "SeedData", MessageKind.Message },
        { "NewsFeed", MessageKind.Message },
        { "SpeedLimit", MessageKind.Message },
        { "RedAlertLevel", MessageKind.Message },
        { "Need", MessageKind.Message },
        { "BedInventory", MessageKind.Message },
        { "ToolShed", MessageKind.Message },
        { "Read", MessageKind.Message },
        { "com.example.order", MessageKind.Message },
    };

    [Theory]
    [MemberData(nameof(RealWorldTypeNames))]
    public void Classify_RealWorldTypeName_GivesExpectedKind(string typeName, MessageKind expected)
    {
        Assert.Equal(expected, MessageKindClassifier.Classify(typeName, topic: "shop", explicitHint: null));
    }

    [Theory]
    [InlineData("orders.commands", MessageKind.Command)]
    [InlineData("orders-commands", MessageKind.Command)]
    [InlineData("orders_commands", MessageKind.Command)]
    [InlineData("commands.orders", MessageKind.Command)]
    [InlineData("shop.order.command", MessageKind.Command)]
    [InlineData("orders.events", MessageKind.Event)]
    [InlineData("order-events", MessageKind.Event)]
    [InlineData("order.event", MessageKind.Event)]
    [InlineData("Events_Payments", MessageKind.Event)]
    [InlineData("orders", MessageKind.Message)]
    [InlineData("orders.commands.DLT", MessageKind.Message)]
    [InlineData("order-events-dlq", MessageKind.Message)]
    [InlineData("dead-letter.events", MessageKind.Message)]
    [InlineData("commands-and-events", MessageKind.Message)]
    [InlineData("eventstore", MessageKind.Message)]
    public void Classify_TopicNaming_WithoutType_GivesKind(string topic, MessageKind expected)
    {
        Assert.Equal(expected, MessageKindClassifier.Classify(typeName: null, topic, explicitHint: null));
    }

    [Fact]
    public void Classify_TopicHint_BeatsGrammar()
    {
        Assert.Equal(MessageKind.Command, MessageKindClassifier.Classify("OrderPlaced", "orders.commands", null));
    }

    [Fact]
    public void Classify_TypeSuffixMarker_BeatsTopic()
    {
        Assert.Equal(MessageKind.Event, MessageKindClassifier.Classify("OrderCreatedEvent", "orders.commands", null));
    }

    [Fact]
    public void Classify_DeadLetterTopic_FallsBackToGrammar()
    {
        Assert.Equal(MessageKind.Command, MessageKindClassifier.Classify("PlaceOrder", "order-events.DLT", null));
    }

    [Theory]
    [InlineData("command", MessageKind.Command)]
    [InlineData(" COMMAND ", MessageKind.Command)]
    [InlineData("Send", MessageKind.Command)]
    [InlineData("event", MessageKind.Event)]
    [InlineData("Event", MessageKind.Event)]
    [InlineData("Publish", MessageKind.Event)]
    public void Classify_ExplicitHint_BeatsEverything(string hint, MessageKind expected)
    {
        var opposite = expected == MessageKind.Command ? "OrderPlacedEvent" : "PlaceOrderCommand";

        Assert.Equal(expected, MessageKindClassifier.Classify(opposite, "mixed.commands.events", hint));
    }

    [Theory]
    [InlineData("Reply")]
    [InlineData("query")]
    [InlineData("")]
    public void Classify_UnknownHint_IsIgnored(string hint)
    {
        Assert.Equal(MessageKind.Event, MessageKindClassifier.Classify("OrderPlaced", "orders", hint));
    }

    [Theory]
    [InlineData("com.shop.events.order.created", MessageKind.Event)]
    [InlineData("com.shop.commands.order.create", MessageKind.Command)]
    [InlineData("Shop.IntegrationEvents.Basket", MessageKind.Event)]
    public void Classify_CloudEventsOrNamespaceSegment_GivesKind(string typeName, MessageKind expected)
    {
        Assert.Equal(expected, MessageKindClassifier.Classify(typeName, "orders.events.and.commands", null));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "", "")]
    [InlineData("   ", "...", "  ")]
    [InlineData("`[,;<", "-_-", null)]
    [InlineData("v1.v2", "x", null)]
    public void Classify_DegenerateInput_IsMessage(string? typeName, string? topic, string? hint)
    {
        Assert.Equal(MessageKind.Message, MessageKindClassifier.Classify(typeName, topic, hint));
    }
}
