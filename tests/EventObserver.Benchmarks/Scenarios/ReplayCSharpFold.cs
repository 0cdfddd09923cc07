using System.Text.Json;
using EventObserver.Core.Envelopes;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>The order-lifecycle template's fold written in plain C#: the baseline for the sandbox.</summary>
internal sealed class ReplayCSharpFold
{
    private readonly Dictionary<string, OrderState> _orders = new(StringComparer.Ordinal);

    public int Orders => _orders.Count;

    public OrderState? Get(string orderId) => _orders.GetValueOrDefault(orderId);

    public void Apply(EventEnvelope e)
    {
        var type = e.MessageType;
        if (type is not ("PlaceOrder" or "OrderPlaced" or "StockReserved" or "OutOfStock" or "PaymentCharged" or "PaymentFailed"
            or "OrderShipped" or "CustomerNotified" or "OrderCompleted" or "OrderCancelled"))
        {
            return;
        }

        using var data = e.PayloadFormat == PayloadFormat.Json && e.Payload is { } payload ? JsonDocument.Parse(payload) : null;
        var root = data?.RootElement;
        var key = Text(root, "orderId") ?? e.Key;
        if (key is null)
        {
            return;
        }

        if (!_orders.TryGetValue(key, out var s))
        {
            s = new OrderState();
            _orders[key] = s;
        }

        switch (type)
        {
            case "PlaceOrder":
                s.OrderId = Text(root, "orderId") ?? e.Key;
                s.CustomerId = Text(root, "customerId");
                s.Currency = Text(root, "currency");
                s.Lines = root is { } r && r.TryGetProperty("lines", out var lines) && lines.ValueKind == JsonValueKind.Array ? lines.GetArrayLength() : 0;
                s.RequestedAt = e.TimestampMs;
                Move(s, e, "requested");
                break;
            case "OrderPlaced":
                s.OrderId = Text(root, "orderId") ?? s.OrderId ?? e.Key;
                s.CustomerId = Text(root, "customerId") ?? s.CustomerId;
                s.Total = root is { } p && p.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetDouble() : s.Total;
                s.Currency = Text(root, "currency") ?? s.Currency;
                s.PlacedAt = e.TimestampMs;
                Move(s, e, "placed");
                break;
            case "StockReserved": Move(s, e, "stock_reserved"); break;
            case "OutOfStock": Move(s, e, "out_of_stock"); break;
            case "PaymentCharged":
                s.PaymentId = Text(root, "paymentId");
                s.PaidAt = e.TimestampMs;
                Move(s, e, "paid");
                break;
            case "PaymentFailed": Move(s, e, "payment_failed"); break;
            case "OrderShipped":
                s.Carrier = Text(root, "carrier");
                s.TrackingNumber = Text(root, "trackingNumber");
                s.ShippedAt = e.TimestampMs;
                Move(s, e, "shipped");
                break;
            case "CustomerNotified":
                s.Notifications.Add(Text(root, "template") ?? "notified");
                s.UpdatedAt = e.TimestampMs;
                break;
            case "OrderCompleted":
                s.ClosedAt = e.TimestampMs;
                Move(s, e, "completed");
                break;
            case "OrderCancelled":
                s.CancelReason = Text(root, "reason");
                s.ClosedAt = e.TimestampMs;
                Move(s, e, "cancelled");
                break;
        }
    }

    private static void Move(OrderState s, EventEnvelope e, string status)
    {
        s.Status = status;
        s.UpdatedAt = e.TimestampMs;
        s.History.Add((status, e.MessageType!, e.TimestampMs));
    }

    private static string? Text(JsonElement? root, string name) =>
        root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal sealed class OrderState
    {
        public string? OrderId { get; set; }
        public string? CustomerId { get; set; }
        public string Status { get; set; } = "unknown";
        public double? Total { get; set; }
        public string? Currency { get; set; }
        public int Lines { get; set; }
        public string? PaymentId { get; set; }
        public string? Carrier { get; set; }
        public string? TrackingNumber { get; set; }
        public string? CancelReason { get; set; }
        public List<string> Notifications { get; } = [];
        public long? RequestedAt { get; set; }
        public long? PlacedAt { get; set; }
        public long? PaidAt { get; set; }
        public long? ShippedAt { get; set; }
        public long? ClosedAt { get; set; }
        public long? UpdatedAt { get; set; }
        public List<(string Status, string Type, long At)> History { get; } = [];
    }
}
