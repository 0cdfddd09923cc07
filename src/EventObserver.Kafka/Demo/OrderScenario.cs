using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using EventObserver.Kafka.Configuration;
using static EventObserver.Kafka.Demo.HeaderConvention;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// One order through the demo shop: storefront → order service → inventory → payment → shipping →
/// notification, each step caused by the previous message, with short pauses so orders overlap.
/// A send that fails ends the order quietly (the sender logged it). One draw per order picks its outcome: payment
/// failure, a stall (a service never answers), a late shipment, or the normal path.
/// </summary>
internal sealed class OrderScenario(DemoSender sender, DemoOptions options, TimeSpan maxStepDelay)
{
    private const string Storefront = "storefront";
    private const string Orders = "order-service";
    private const string Inventory = "inventory-service";
    private const string Payments = "payment-service";
    private const string Shipping = "shipping-service";
    private const string Notify = "notification-service";

    private DeliveryResult<byte[], byte[]>? _lastCharge;

    /// <returns>
    /// Null when the order has ended (or stalled); for a late order, the rest of it (wait <see cref="DemoOptions.LateDelay"/>,
    /// then ship and complete), for the caller to run outside its order slots.
    /// </returns>
    public async Task<Func<CancellationToken, Task>?> RunAsync(CancellationToken ct)
    {
        var order = OrderContext.New();
        var lines = order.Lines.Select(l => new { sku = l.Sku, name = l.Name, quantity = l.Quantity, unitPrice = l.UnitPrice }).ToArray();
        var reservedLines = order.Lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray();
        var now = sender.Time.GetUtcNow();

        var id = await Send(DemoTopics.OrderCommands, CloudEventsBinary, "PlaceOrder", Storefront, order, null,
            new { orderId = order.OrderId, customerId = order.CustomerId, currency = "EUR", lines, shippingAddress = order.Address, requestedAt = now }, ct);
        id = await Step(DemoTopics.OrderEvents, CloudEventsBinary, "OrderPlaced", Orders, order, id,
            new { orderId = order.OrderId, customerId = order.CustomerId, total = order.Total, currency = "EUR", lineCount = lines.Length, placedAt = now }, ct);
        id = await Step(DemoTopics.InventoryCommands, CloudEventsBinary, "ReserveStock", Orders, order, id,
            new { orderId = order.OrderId, warehouse = DemoCatalog.Warehouse(), lines = reservedLines }, ct);
        if (id is null)
        {
            return null;
        }

        if (Random.Shared.NextDouble() < 0.07)
        {
            var missing = order.Lines[0];
            id = await Step(DemoTopics.InventoryEvents, PlainHeaders, "OutOfStock", Inventory, order, id,
                new { orderId = order.OrderId, sku = missing.Sku, requested = missing.Quantity, available = 0 }, ct);
            await CancelAsync(order, id, "out_of_stock", releaseStock: false, ct);
            return null;
        }

        id = await Step(DemoTopics.InventoryEvents, PlainHeaders, "StockReserved", Inventory, order, id,
            new { orderId = order.OrderId, reservationId = DemoCatalog.ShortId("res"), lines = reservedLines, expiresAt = now.AddMinutes(15) }, ct);
        var outcome = Random.Shared.NextDouble();
        var paymentFailureRate = options.PaymentFailureRate;
        var stalled = outcome >= paymentFailureRate && outcome < paymentFailureRate + options.StallRate;
        var stallAtPayment = stalled && outcome - paymentFailureRate < options.StallRate / 3;
        var late = !stalled && outcome >= paymentFailureRate + options.StallRate && outcome < paymentFailureRate + options.StallRate + options.LateRate;
        var poison = outcome < paymentFailureRate * 0.25;
        var chargeId = await Step(DemoTopics.PaymentCommands, CloudEventsBinary, "ChargePayment", Orders, order, id,
            poison
                ? new { orderId = order.OrderId, customerId = order.CustomerId, amount = (object)$"{order.Total:0.00} EUR", currency = "EUR", method = "card" }
                : new { orderId = order.OrderId, customerId = order.CustomerId, amount = (object)order.Total, currency = "EUR", method = "card" }, ct);
        if (chargeId is null || stallAtPayment)
        {
            // Stalled: the payment service never answers the charge.
            return null;
        }

        if (poison)
        {
            // The payment service cannot read the command; its error handler parks it on the dead-letter topic.
            await Pause(ct);
            await DeadLetterAsync(order, ct);
            await CancelAsync(order, chargeId, "payment_error", releaseStock: true, ct);
            return null;
        }

        if (outcome < paymentFailureRate)
        {
            id = await Step(DemoTopics.PaymentEvents, CloudEventsStructured, "PaymentFailed", Payments, order, chargeId,
                new PaymentFailedData(order.OrderId, order.Total, "EUR", DemoCatalog.FailureReason()), ct);
            await CancelAsync(order, id, "payment_failed", releaseStock: true, ct);
            return null;
        }

        id = await Step(DemoTopics.PaymentEvents, CloudEventsStructured, "PaymentCharged", Payments, order, chargeId,
            new PaymentChargedData(order.OrderId, DemoCatalog.ShortId("pay"), order.Total, "EUR", Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)), ct);
        var carrier = DemoCatalog.Carrier();
        var shipId = await Step(DemoTopics.ShippingCommands, CloudEventsBinary, "ShipOrder", Orders, order, id,
            new { orderId = order.OrderId, carrier, address = order.Address, parcels = Math.Max(1, order.Lines.Length / 2) }, ct);
        if (shipId is null || stalled)
        {
            // Stalled: the shipping service never answers.
            return null;
        }

        if (late)
        {
            return async lateCt =>
            {
                await Task.Delay(options.LateDelay, sender.Time, lateCt);
                await ShipAndCompleteAsync(order, shipId, carrier, lateCt);
            };
        }

        await ShipAndCompleteAsync(order, shipId, carrier, ct);
        return null;
    }

    private async Task ShipAndCompleteAsync(OrderContext order, string shipId, string carrier, CancellationToken ct)
    {
        var id = await Step(DemoTopics.ShippingEvents, TraceParentOnly, "OrderShipped", Shipping, order, shipId,
            new OrderShippedData(order.OrderId, DemoCatalog.ShortId("shp"), carrier, DemoCatalog.TrackingNumber(), sender.Time.GetUtcNow(), Math.Max(1, order.Lines.Length / 2)), ct);
        id = await NotifyAsync(order, id, "order-shipped", ct);
        await Step(DemoTopics.OrderEvents, CloudEventsBinary, "OrderCompleted", Orders, order, id,
            new { orderId = order.OrderId, completedAt = sender.Time.GetUtcNow() }, ct);
    }

    private async Task CancelAsync(OrderContext order, string? causationId, string reason, bool releaseStock, CancellationToken ct)
    {
        var cancelled = await Step(DemoTopics.OrderEvents, CloudEventsBinary, "OrderCancelled", Orders, order, causationId,
            new { orderId = order.OrderId, reason, cancelledAt = sender.Time.GetUtcNow() }, ct);
        if (releaseStock)
        {
            var release = await Step(DemoTopics.InventoryCommands, CloudEventsBinary, "ReleaseStock", Orders, order, cancelled,
                new { orderId = order.OrderId }, ct);
            await Step(DemoTopics.InventoryEvents, PlainHeaders, "StockReleased", Inventory, order, release,
                new { orderId = order.OrderId, releasedAt = sender.Time.GetUtcNow() }, ct);
        }

        await NotifyAsync(order, cancelled, "order-cancelled", ct);
    }

    private async Task<string?> NotifyAsync(OrderContext order, string? causationId, string template, CancellationToken ct)
    {
        var send = await Step(DemoTopics.Notifications, CloudEventsBinary, "SendNotification", Orders, order, causationId,
            new { orderId = order.OrderId, customerId = order.CustomerId, channel = "email", template, to = $"{order.CustomerId}@example.com" }, ct);
        return await Step(DemoTopics.Notifications, NServiceBus, "CustomerNotified", Notify, order, send,
            new { orderId = order.OrderId, customerId = order.CustomerId, channel = "email", template, deliveredAt = sender.Time.GetUtcNow() }, ct);
    }

    /// <summary>Re-sends the last ChargePayment of the order with Spring Kafka's dead-letter headers (binary partition/offset).</summary>
    private async Task DeadLetterAsync(OrderContext order, CancellationToken ct)
    {
        var original = _lastCharge;
        if (original is null)
        {
            return;
        }

        var headers = new Headers();
        foreach (var header in original.Message.Headers)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        var partition = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(partition, original.Partition.Value);
        var offset = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(offset, original.Offset.Value);
        var timestamp = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(timestamp, original.Message.Timestamp.UnixTimestampMs);
        headers.Add("kafka_dlt-original-topic", Encoding.UTF8.GetBytes(original.Topic));
        headers.Add("kafka_dlt-original-partition", partition);
        headers.Add("kafka_dlt-original-offset", offset);
        headers.Add("kafka_dlt-original-timestamp", timestamp);
        headers.Add("kafka_dlt-original-timestamp-type", Encoding.UTF8.GetBytes("CreateTime"));
        headers.Add("kafka_dlt-original-consumer-group", Encoding.UTF8.GetBytes(Payments));
        headers.Add("kafka_dlt-exception-fqcn", Encoding.UTF8.GetBytes("org.springframework.kafka.support.serializer.DeserializationException"));
        headers.Add("kafka_dlt-exception-message", Encoding.UTF8.GetBytes(
            $"failed to deserialize; nested exception is com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.math.BigDecimal` from String \"{order.Total:0.00} EUR\": not a valid representation"));
        await sender.ProduceAsync(DemoTopics.DeadLetters, order.OrderId, original.Message.Value, headers, ct);
    }

    private async Task<string?> Step(string topic, HeaderConvention convention, string type, string service, OrderContext order, string? causationId, object data, CancellationToken ct)
    {
        if (causationId is null)
        {
            return null;
        }

        await Pause(ct);
        return await Send(topic, convention, type, service, order, causationId, data, ct);
    }

    private async Task<string?> Send(string topic, HeaderConvention convention, string type, string service, OrderContext order, string? causationId, object data, CancellationToken ct)
    {
        var result = await sender.SendAsync(topic, convention, type, service, order, causationId, data, ct);
        if (type == "ChargePayment")
        {
            _lastCharge = result?.Delivered;
        }

        return result?.Id;
    }

    private Task Pause(CancellationToken ct) =>
        maxStepDelay <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * maxStepDelay.TotalMilliseconds), sender.Time, ct);
}
