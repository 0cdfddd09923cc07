using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryTests(PostgresFixture fixture) : IDisposable
{
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Query_EachIndexedFilter_FindsExactlyItsEvents()
    {
        using var index = _db.Open();
        index.Write(
        [
            Envelopes.Event("orders", 0, 0, type: "OrderPlaced", correlationId: "c1", key: "k1"),
            Envelopes.Event("orders", 0, 1, type: "PlaceOrder", kind: MessageKind.Command, causationId: "orders-0-0", correlationId: "c1"),
            Envelopes.Event("orders", 1, 0, type: "OrderPlaced", correlationId: "c2", key: "k2"),
            Envelopes.Event("payments", 0, 0, type: "PaymentTaken", causationId: "orders-0-0", key: "k1"),
        ]);

        // Newest first; equal timestamps by topic, then partition and offset descending.
        Assert.Equal(["orders/0/1", "orders/1/0", "orders/0/0"], Ids(index.Query(new EventSelection { Topics = ["orders"] })));
        Assert.Equal(["orders/0/1"], Ids(index.Query(new EventSelection { Kind = MessageKind.Command })));
        Assert.Equal(["orders/1/0", "orders/0/0"], Ids(index.Query(new EventSelection { Type = "OrderPlaced" })));
        Assert.Empty(index.Query(new EventSelection { Type = "orderplaced" })); // exact in the index, as LiteDB's
        Assert.Equal(["orders/0/0", "payments/0/0"], Ids(index.Query(new EventSelection { Key = "k1" })));
        Assert.Equal(["orders/1/0"], Ids(index.Query(new EventSelection { MessageId = "orders-1-0" })));
        Assert.Equal(["orders/0/1", "orders/0/0"], Ids(index.Query(new EventSelection { CorrelationId = "c1" })));
        Assert.Equal(["orders/0/1", "payments/0/0"], Ids(index.Query(new EventSelection { CausationId = "orders-0-0" })));
        Assert.Equal(["orders/0/1", "orders/0/0"], Ids(index.Query(new EventSelection { Ranges = [new PartitionRange("orders", 0)] })));
        Assert.Equal(["orders/0/1"], Ids(index.Query(new EventSelection { Ranges = [new PartitionRange("orders", 0, 1, 5)] })));
        Assert.Equal(["orders/1/0", "orders/0/0", "payments/0/0"], Ids(index.Query(new EventSelection
        {
            To = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs),
        })));
        Assert.Equal(["orders/0/1"], Ids(index.Query(new EventSelection
        {
            From = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 1),
        })));
    }

    [PostgresFact]
    public void Query_ScannedParts_MatchAsTheSelectionDoes()
    {
        using var index = _db.Open();
        var tagged = With(Envelopes.Event("orders", 0, 0), source: "Billing", header: ("tenant", "Ünïcode-ÄRGER"), payload: "{\"note\":\"Straße 5%\"}");
        index.Write([tagged, Envelopes.Event("orders", 0, 1), Envelopes.Event("orders", 0, 2, key: "needle-in-key")]);

        Assert.Equal(["orders/0/0"], Ids(index.Query(new EventSelection { Source = "billing" })));
        Assert.Equal(["orders/0/0"], Ids(index.Query(new EventSelection { HeaderName = "TENANT" })));
        Assert.Equal(["orders/0/0"], Ids(index.Query(new EventSelection { HeaderName = "tenant", HeaderValue = "Ünïcode-ÄRGER" })));
        Assert.Empty(index.Query(new EventSelection { HeaderName = "tenant", HeaderValue = "ünïcode-ärger" }));
        Assert.Equal(["orders/0/0"], Ids(index.Query(new EventSelection { Text = "ärger" })));
        Assert.Equal(["orders/0/0"], Ids(index.Query(new EventSelection { Text = "STRAßE 5%" })));
        Assert.Equal(["orders/0/2"], Ids(index.Query(new EventSelection { Text = "NEEDLE" })));
        Assert.Equal(2, index.Query(new EventSelection { Text = "offset" }).Count); // the tagged payload has none
        Assert.Empty(index.Query(new EventSelection { Text = "_" }));
    }

    [PostgresFact]
    public void Query_TextOverManyPages_ReturnsTheNewestMatchesUpToTheLimit()
    {
        using var index = _db.Open();
        var events = Enumerable.Range(0, 1_500)
            .Select(i => i % 3 == 0 ? With(Envelopes.Event("orders", 0, i), payload: $"{{\"rare\":\"Treffer {i}\"}}") : Envelopes.Event("orders", 0, i))
            .ToList();
        index.Write(events);

        var found = index.Query(new EventSelection { Text = "treffer", Limit = 300 });

        Assert.Equal(300, found.Count);
        Assert.Equal(Enumerable.Range(0, 1_500).Where(i => i % 3 == 0).Reverse().Take(300).Select(i => (long)i), found.Select(e => e.Offset));
    }

    [PostgresFact]
    public void Query_Limits_DefaultAndCapAndNewestFirst()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 1_199));

        Assert.Equal(EventSelection.DefaultLimit, index.Query(EventSelection.All).Count);
        Assert.Equal(EventSelection.MaxLimit, index.Query(new EventSelection { Limit = 5_000 }).Count);
        Assert.Equal([1_199L, 1_198, 1_197], index.Query(new EventSelection { Limit = 3 }).Select(e => e.Offset));
    }

    [PostgresFact]
    public void Query_EqualTimestamps_OrderByTopicThenPartitionAndOffsetDescending()
    {
        using var index = _db.Open();
        const long t = Envelopes.BaseTimestampMs;
        index.Write([Envelopes.Event("b", 0, 0, t), Envelopes.Event("a", 0, 0, t), Envelopes.Event("a", 1, 0, t), Envelopes.Event("a", 1, 1, t)]);

        Assert.Equal(["a/1/1", "a/1/0", "a/0/0", "b/0/0"], Ids(index.Query(EventSelection.All)));
    }

    private static string[] Ids(IEnumerable<EventEnvelope> events) => events.Select(e => e.Id).ToArray();

    private static EventEnvelope With(EventEnvelope e, string? source = null, (string Name, string Value)? header = null, string? payload = null) => new()
    {
        Topic = e.Topic, Partition = e.Partition, Offset = e.Offset, TimestampMs = e.TimestampMs, MessageId = e.MessageId,
        MessageType = e.MessageType, Kind = e.Kind, Key = e.Key, KeyBytes = e.KeyBytes, KeyFormat = e.KeyFormat,
        Source = source ?? e.Source,
        Headers = header is { } h ? [.. e.Headers, new EnvelopeHeader(h.Name, Encoding.UTF8.GetBytes(h.Value))] : e.Headers,
        Payload = payload is null ? e.Payload : Encoding.UTF8.GetBytes(payload),
        PayloadFormat = PayloadFormat.Json,
    };
}
