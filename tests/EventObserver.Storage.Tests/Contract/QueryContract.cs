using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Lookups by id, type, key and kind, time ranges, limits and positions: the newest-first queries of the UI.</summary>
public abstract class QueryContract : IndexContract
{
    private readonly IEventIndex _index;

    protected QueryContract(IndexEngine engine)
        : base(engine)
    {
        _index = Engine.Open();
        // Two conversations over three topics plus 600 unrelated events (several chunks on LiteDB).
        _index.Write(
        [
            Envelopes.Event("orders.commands", 0, 0, type: "PlaceOrder", kind: MessageKind.Command, correlationId: "conv-1", key: "order-1", messageId: "m1", timestampMs: Envelopes.BaseTimestampMs + 10),
            Envelopes.Event("orders", 1, 0, type: "OrderPlaced", correlationId: "conv-1", causationId: "m1", key: "order-1", messageId: "m2", timestampMs: Envelopes.BaseTimestampMs + 20),
            Envelopes.Event("payments", 0, 0, type: "PaymentCharged", correlationId: "conv-1", causationId: "m2", key: "order-1", messageId: "m3", timestampMs: Envelopes.BaseTimestampMs + 30),
            Envelopes.Event("orders", 1, 1, type: "OrderPlaced", correlationId: "conv-2", key: "order-2", messageId: "m4", timestampMs: Envelopes.BaseTimestampMs + 40),
            Envelopes.Event("payments", 0, 1, type: "PaymentFailed", correlationId: "conv-2", causationId: "m4", key: "order-2", messageId: "m5", timestampMs: Envelopes.BaseTimestampMs + 50),
        ]);
        _index.Write(Envelopes.Range("noise", 0, 0, 599));
    }

    [ContractFact]
    public void Query_ByMessageId_ReturnsThatEvent() =>
        Assert.Equal(["m3"], Ids(new EventSelection { MessageId = "m3" }));

    [ContractFact]
    public void Query_ByCorrelationId_ReturnsTheConversationNewestFirst() =>
        Assert.Equal(["m3", "m2", "m1"], Ids(new EventSelection { CorrelationId = "conv-1" }));

    [ContractFact]
    public void Query_ByCausationId_ReturnsDirectChildren() =>
        Assert.Equal(["m5"], Ids(new EventSelection { CausationId = "m4" }));

    [ContractFact]
    public void Query_ByType_ReturnsOnlyThatType() =>
        Assert.Equal(["m4", "m2"], Ids(new EventSelection { Type = "OrderPlaced" }));

    [ContractFact]
    public void Query_ByKey_ReturnsEventsOfThatKey() =>
        Assert.Equal(["m5", "m4"], Ids(new EventSelection { Key = "order-2" }));

    [ContractFact]
    public void Query_ByKind_ReturnsOnlyCommands() =>
        Assert.Equal(["m1"], Ids(new EventSelection { Kind = MessageKind.Command }));

    [ContractFact]
    public void Query_UnknownValues_ReturnNothing()
    {
        Assert.Empty(Ids(new EventSelection { MessageId = "nope" }));
        Assert.Empty(Ids(new EventSelection { Type = "NeverSeen" }));
        Assert.Empty(Ids(new EventSelection { Topics = ["no-such-topic"] }));
    }

    [ContractFact]
    public void Query_FiltersAreAnded()
    {
        Assert.Equal(["m5"], Ids(new EventSelection { CorrelationId = "conv-2", Topics = ["payments"] }));
        Assert.Empty(Ids(new EventSelection { CorrelationId = "conv-2", Type = "PaymentCharged" }));
        Assert.Equal(["m2"], Ids(new EventSelection { Key = "order-1", Type = "OrderPlaced", Kind = MessageKind.Event }));
    }

    [ContractFact]
    public void Query_TopicAndTimeRange_ReturnsInclusiveRangeNewestFirst()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 100);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 399);

        var result = _index.Query(new EventSelection { Topics = ["noise"], From = from, To = to, Limit = 1000 });

        Assert.Equal(Enumerable.Range(100, 300).Reverse().Select(i => (long)i), result.Select(e => e.Offset));
    }

    [ContractFact]
    public void Query_NoFilter_ReturnsNewestFirstUpToLimit()
    {
        var result = _index.Query(new EventSelection { Limit = 7 });

        Assert.Equal(Enumerable.Range(593, 7).Reverse().Select(i => (long)i), result.Select(e => e.Offset));
        Assert.All(result, e => Assert.Equal("noise", e.Topic));
    }

    [ContractFact]
    public void Query_LimitAboveMaximum_IsCappedAtMaxLimit()
    {
        _index.Write(Envelopes.Range("noise", 1, 0, 599));

        var result = _index.Query(new EventSelection { Limit = 5000 });

        Assert.Equal(EventSelection.MaxLimit, result.Count);
        Assert.True(result.Zip(result.Skip(1)).All(p => p.First.TimestampMs >= p.Second.TimestampMs));
    }

    [ContractFact]
    public void Get_KnownPosition_ReturnsTheEnvelope()
    {
        var e = _index.Get("payments", 0, 1);

        Assert.NotNull(e);
        Assert.Equal("m5", e.MessageId);
        Assert.Equal("PaymentFailed", e.MessageType);
        Assert.Equal("m4", e.CausationId);
    }

    [ContractFact]
    public void Get_UnknownPosition_ReturnsNull()
    {
        Assert.Null(_index.Get("payments", 0, 99));
        Assert.Null(_index.Get("payments", 7, 0));
        Assert.Null(_index.Get("nope", 0, 0));
    }

    [ContractFact]
    public void Query_AfterReopen_ServesTheSameLookups()
    {
        var reopened = Reopen(_index);

        Assert.Equal(["m5", "m4"], reopened.Query(new EventSelection { Key = "order-2" }).Select(e => e.MessageId));
        Assert.Equal(["m4", "m2"], reopened.Query(new EventSelection { Type = "OrderPlaced" }).Select(e => e.MessageId));
    }

    private IEnumerable<string> Ids(EventSelection selection) => _index.Query(selection).Select(e => e.MessageId);
}
