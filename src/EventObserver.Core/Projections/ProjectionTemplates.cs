namespace EventObserver.Core.Projections;

/// <summary>The built-in projections: starting points for users, and fixtures for the replay benchmark.</summary>
public static class ProjectionTemplates
{
    public static ProjectionTemplate CountByType { get; } = new(
        "count-by-type",
        "Count by type",
        "How many messages of each type and kind were replayed.",
        """
        ({
          $init: () => ({ total: 0, byType: {}, byKind: {} }),
          $any: (s, e) => {
            const type = e.type || '(unknown)';
            s.byType[type] = (s.byType[type] || 0) + 1;
            s.byKind[e.kind] = (s.byKind[e.kind] || 0) + 1;
            s.total++;
          },
        })
        """);

    public static ProjectionTemplate LatestPerKey { get; } = new(
        "latest-per-key",
        "Latest state per key",
        "One state per message key holding the last message seen for it, like a compacted topic.",
        """
        options({ partitionBy: e => e.key });

        ({
          $any: (s, e) => ({
            type: e.type,
            data: e.data !== null ? e.data : e.text,
            topic: e.topic,
            partition: e.partition,
            offset: e.offset,
            timestamp: e.timestamp,
          }),
        })
        """);

    public static ProjectionTemplate SumByField { get; } = new(
        "sum-by-field",
        "Sum grouped by a field",
        "Sums data.total grouped by data.currency; change the two field names to sum anything else.",
        """
        const valueOf = d => d.total;
        const groupOf = d => d.currency;

        ({
          $init: () => ({ count: 0, groups: Object.create(null) }),
          $any: (s, e) => {
            const d = e.data;
            if (d === null || typeof d !== 'object') return;
            const value = Number(valueOf(d));
            if (!Number.isFinite(value)) return;
            const name = String(groupOf(d) ?? '(none)');
            const group = s.groups[name] || (s.groups[name] = { count: 0, sum: 0 });
            group.count++;
            group.sum = Math.round((group.sum + value) * 100) / 100;
            s.count++;
          },
        })
        """);

    public static ProjectionTemplate OrderLifecycle { get; } = new(
        "order-lifecycle",
        "Order lifecycle (demo shop)",
        "One state per order id: status, totals, timestamps and the last 20 status transitions, from PlaceOrder to shipping or cancellation.",
        """
        options({ partitionBy: e => (e.data && e.data.orderId) || e.key });

        // The last status changes only: an order that keeps changing (retries, redeliveries) keeps a small state.
        const MAX_HISTORY = 20;

        const move = (s, e, status) => {
          const at = e.timestamp;
          const history = s.history;
          if (history.length >= MAX_HISTORY) history.shift();
          history.push({ status, type: e.type, at });
          s.status = status;
          s.updatedAt = at;
        };

        ({
          $init: () => ({
            orderId: null, customerId: null, status: 'unknown', total: null, currency: null, lines: 0,
            paymentId: null, carrier: null, trackingNumber: null, cancelReason: null, notifications: [],
            requestedAt: null, placedAt: null, paidAt: null, shippedAt: null, closedAt: null, updatedAt: null,
            history: [],
          }),
          PlaceOrder: (s, e) => {
            const d = e.data || {};
            s.orderId = d.orderId || e.key;
            s.customerId = d.customerId || null;
            s.currency = d.currency || null;
            s.lines = Array.isArray(d.lines) ? d.lines.length : 0;
            s.requestedAt = e.timestamp;
            move(s, e, 'requested');
          },
          OrderPlaced: (s, e) => {
            const d = e.data || {};
            s.orderId = d.orderId || s.orderId || e.key;
            s.customerId = d.customerId || s.customerId;
            s.total = typeof d.total === 'number' ? d.total : s.total;
            s.currency = d.currency || s.currency;
            s.placedAt = e.timestamp;
            move(s, e, 'placed');
          },
          StockReserved: (s, e) => move(s, e, 'stock_reserved'),
          OutOfStock: (s, e) => move(s, e, 'out_of_stock'),
          PaymentCharged: (s, e) => {
            s.paymentId = (e.data && e.data.paymentId) || null;
            s.paidAt = e.timestamp;
            move(s, e, 'paid');
          },
          PaymentFailed: (s, e) => move(s, e, 'payment_failed'),
          OrderShipped: (s, e) => {
            const d = e.data || {};
            s.carrier = d.carrier || null;
            s.trackingNumber = d.trackingNumber || null;
            s.shippedAt = e.timestamp;
            move(s, e, 'shipped');
          },
          CustomerNotified: (s, e) => {
            if (s.notifications.length >= MAX_HISTORY) s.notifications.shift();
            s.notifications.push((e.data && e.data.template) || 'notified');
            s.updatedAt = e.timestamp;
          },
          OrderCompleted: (s, e) => {
            s.closedAt = e.timestamp;
            move(s, e, 'completed');
          },
          OrderCancelled: (s, e) => {
            s.cancelReason = (e.data && e.data.reason) || null;
            s.closedAt = e.timestamp;
            move(s, e, 'cancelled');
          },
        })
        """);

    public static IReadOnlyList<ProjectionTemplate> All { get; } = [CountByType, LatestPerKey, SumByField, OrderLifecycle];

    public static ProjectionTemplate? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
