using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The lineage benchmark's data: correlations of 9–10 messages in four shapes (chain, fan-out, diamond,
/// correlation-only), generated in overlapping windows so a conversation is spread over time, topics and
/// partitions as in a busy system, plus one 500-message conversation (a binary tree of causes) spread
/// over a long stretch of the stream. Deterministic: the same arguments give the same events.
/// </summary>
internal sealed class LineageBenchEvents
{
    public const string BigCorrelation = "corr-big-500";
    public const int BigSize = 500;

    /// <summary>The first event's timestamp; the rest follow one millisecond apart.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int Window = 1000;
    private const int Partitions = 4;
    private const int BigEvery = 200;

    private static readonly string[] Topics =
    [
        "orders.commands", "orders.events", "inventory.commands", "inventory.events",
        "payments.commands", "payments.events", "shipping.commands", "shipping.events",
    ];

    private static readonly string[] Types =
    [
        "PlaceOrder", "OrderPlaced", "ReserveStock", "StockReserved", "ChargePayment",
        "PaymentCharged", "ShipOrder", "OrderShipped", "SendNotification", "CustomerNotified",
    ];

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        "{\"orderId\":\"order-00000000\",\"customerId\":\"cust-00000\",\"currency\":\"EUR\",\"total\":123.45,\"lines\":[{\"sku\":\"SKU-1001\",\"quantity\":2}]}");

    private readonly long[,] _nextOffset = new long[Topics.Length, Partitions];
    private readonly long _baseMs = Start.ToUnixTimeMilliseconds();
    private readonly int _correlations;
    private readonly int _smallSizeCut;
    private long _sequence;
    private int _bigEmitted;

    public LineageBenchEvents(int events, int correlations)
    {
        _correlations = correlations - 1;
        // Sizes 10, or 9 for the first few, so the total is exactly `events` including the big conversation.
        var rest = events - BigSize;
        _smallSizeCut = Math.Max(0, _correlations * 10 - rest);
        Total = events;
    }

    public int Total { get; }

    public int Correlations => _correlations + 1;

    /// <summary>Every event, oldest first, in batches.</summary>
    public IEnumerable<List<EventEnvelope>> Batches(int batchSize)
    {
        var batch = new List<EventEnvelope>(batchSize);
        var bigStart = _correlations / 2 / Window * Window;
        for (var start = 0; start < _correlations; start += Window)
        {
            var end = Math.Min(_correlations, start + Window);
            for (var step = 0; step < 10; step++)
            {
                for (var c = start; c < end; c++)
                {
                    if (step >= Size(c))
                    {
                        continue;
                    }

                    batch.Add(Small(c, step));
                    if (start >= bigStart && _bigEmitted < BigSize && _sequence % BigEvery == 0)
                    {
                        batch.Add(Big(_bigEmitted++));
                    }

                    if (batch.Count >= batchSize)
                    {
                        yield return batch;
                        batch = new List<EventEnvelope>(batchSize);
                    }
                }
            }
        }

        while (_bigEmitted < BigSize)
        {
            batch.Add(Big(_bigEmitted++));
        }

        yield return batch;
    }

    private int Size(int c) => c < _smallSizeCut ? 9 : 10;

    private EventEnvelope Small(int c, int step)
    {
        var shape = c % 4;
        var id = $"c{c}-{step}";
        string? cause = step == 0 ? null : $"c{c}-{step - 1}";
        switch (shape)
        {
            case 1: // fan-out: every later step reacts to the first
                cause = step == 0 ? null : $"c{c}-0";
                break;
            case 2: // diamond: steps 1 and 2 are one event published to two topics; step 3 joins them
                id = step == 2 ? $"c{c}-1" : id;
                cause = step switch { 0 => null, 1 or 2 => $"c{c}-0", 3 => $"c{c}-1", _ => cause };
                break;
            case 3: // no causation ids: links are inferred from the order within the correlation
                cause = null;
                break;
        }

        var topic = (step + c) % Topics.Length;
        return Envelope(topic, c % Partitions, id, Types[step], $"corr-{c}", cause);
    }

    private EventEnvelope Big(int j) =>
        Envelope(j % Topics.Length, j % Partitions, $"big-{j}", Types[j % Types.Length], BigCorrelation, j == 0 ? null : $"big-{(j - 1) / 2}");

    private EventEnvelope Envelope(int topic, int partition, string id, string type, string correlation, string? cause)
    {
        var offset = _nextOffset[topic, partition]++;
        var at = _baseMs + _sequence++;
        return new EventEnvelope
        {
            Topic = Topics[topic],
            Partition = partition,
            Offset = offset,
            TimestampMs = at,
            TimestampKind = TimestampKind.CreateTime,
            Payload = Payload,
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = type.EndsWith("ed", StringComparison.Ordinal) ? MessageKind.Event : MessageKind.Command,
            CorrelationId = correlation,
            CausationId = cause,
            Source = "bench-service",
        };
    }
}
