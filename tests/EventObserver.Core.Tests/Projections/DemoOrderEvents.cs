using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Projections;

/// <summary>Demo-shop-like traffic: orders that complete, run out of stock, or fail payment.</summary>
internal static class DemoOrderEvents
{
    public static List<EventEnvelope> Orders(int count)
    {
        var events = new List<EventEnvelope>();
        long offset = 0;
        for (var i = 0; i < count; i++)
        {
            var id = $"ord-{i:D4}";
            var total = 10 + i;
            EventEnvelope Step(string type, string data, MessageKind kind = MessageKind.Event) =>
                TestEvents.Json(type, data, key: id, offset: offset++, kind: kind);

            events.Add(Step("PlaceOrder", $$"""{"orderId":"{{id}}","customerId":"c-{{i % 3}}","currency":"EUR","lines":[{"sku":"A","quantity":1}]}""", MessageKind.Command));
            events.Add(Step("OrderPlaced", $$"""{"orderId":"{{id}}","customerId":"c-{{i % 3}}","total":{{total}},"currency":"EUR","lineCount":1}"""));
            events.Add(Step("ReserveStock", $$"""{"orderId":"{{id}}"}""", MessageKind.Command));
            switch (i % 3)
            {
                case 0:
                    events.Add(Step("StockReserved", $$"""{"orderId":"{{id}}"}"""));
                    events.Add(Step("PaymentCharged", $$"""{"orderId":"{{id}}","paymentId":"pay-{{i}}","amount":{{total}},"currency":"EUR"}"""));
                    events.Add(Step("OrderShipped", $$"""{"type":"OrderShipped","orderId":"{{id}}","carrier":"DHL","trackingNumber":"T{{i}}"}"""));
                    events.Add(Step("CustomerNotified", $$"""{"orderId":"{{id}}","template":"order-shipped"}"""));
                    events.Add(Step("OrderCompleted", $$"""{"orderId":"{{id}}"}"""));
                    break;
                case 1:
                    events.Add(Step("OutOfStock", $$"""{"orderId":"{{id}}","sku":"A"}"""));
                    events.Add(Step("OrderCancelled", $$"""{"orderId":"{{id}}","reason":"out_of_stock"}"""));
                    events.Add(Step("CustomerNotified", $$"""{"orderId":"{{id}}","template":"order-cancelled"}"""));
                    break;
                default:
                    events.Add(Step("StockReserved", $$"""{"orderId":"{{id}}"}"""));
                    events.Add(Step("PaymentFailed", $$"""{"orderId":"{{id}}","amount":{{total}},"reason":"card_declined"}"""));
                    events.Add(Step("OrderCancelled", $$"""{"orderId":"{{id}}","reason":"payment_failed"}"""));
                    break;
            }
        }

        return events;
    }
}
