using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>The lineage lookups of <see cref="IEventIndex.Lineage"/>: by position, message, causation and correlation id, dead letters.</summary>
public abstract class LineageContract(IndexEngine engine) : IndexContract(engine)
{
    private const long T = Envelopes.BaseTimestampMs;

    [ContractFact]
    public void Get_IndexedPosition_ReturnsThatEnvelopeAndNullElsewhere()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 2, 0, 599));

        var found = index.Lineage.Get(new EventPosition("orders", 2, 300));

        Assert.Equal("orders-2-300", found?.MessageId);
        Assert.Equal(Envelopes.Event("orders", 2, 300).Payload, found?.Payload);
        Assert.Null(index.Lineage.Get(new EventPosition("orders", 2, 600)));
        Assert.Null(index.Lineage.Get(new EventPosition("orders", 1, 300)));
        Assert.Null(index.Lineage.Get(new EventPosition("nope", 2, 300)));
    }

    [ContractFact]
    public void FindByMessageId_SameIdOnThreeTopics_ReturnsAllOldestFirst()
    {
        var index = Engine.Open();
        index.Write(
        [
            Envelopes.Event("retries", 0, 0, timestampMs: T + 30, messageId: "m1"),
            Envelopes.Event("orders", 1, 0, timestampMs: T + 10, messageId: "m1"),
            Envelopes.Event("audit", 0, 0, timestampMs: T + 20, messageId: "m1"),
            Envelopes.Event("orders", 1, 1, timestampMs: T + 5, messageId: "m2", correlationId: "m1", causationId: "m1"),
        ]);
        index.Write(Envelopes.Range("noise", 0, 0, 599));

        var found = index.Lineage.FindByMessageId("m1", 10);

        Assert.Equal(["orders/1/0", "audit/0/0", "retries/0/0"], found.Select(e => e.Id));
    }

    [ContractFact]
    public void FindByCausationId_EqualTimestamps_OrderedByTopicPartitionOffset()
    {
        var index = Engine.Open();
        index.Write(
        [
            Envelopes.Event("b", 1, 7, timestampMs: T, causationId: "c"),
            Envelopes.Event("a", 2, 3, timestampMs: T, causationId: "c"),
            Envelopes.Event("b", 0, 9, timestampMs: T, causationId: "c"),
            Envelopes.Event("a", 2, 1, timestampMs: T, causationId: "c"),
            Envelopes.Event("z", 0, 0, timestampMs: T - 1, causationId: "c"),
            Envelopes.Event("a", 0, 0, timestampMs: T - 1, causationId: "other"),
        ]);

        var found = index.Lineage.FindByCausationId("c", 10);

        Assert.Equal(["z/0/0", "a/2/1", "a/2/3", "b/0/9", "b/1/7"], found.Select(e => e.Id));
    }

    [ContractFact]
    public void FindByCausationId_FanOutOverManyWrites_LimitKeepsOldestAndCountIsExact()
    {
        var index = Engine.Open();
        // 1,500 effects over 3 partitions; partition 2 holds the oldest, written last.
        for (var p = 0; p < 3; p++)
        {
            var timeBase = T + (2 - p) * 10_000;
            index.Write([.. Enumerable.Range(0, 500).Select(i => Envelopes.Event("effects", p, i, timestampMs: timeBase + i, causationId: "root"))]);
        }

        index.Write(Envelopes.Range("noise", 0, 0, 599));

        var found = index.Lineage.FindByCausationId("root", 10);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"effects/2/{i}"), found.Select(e => e.Id));
        Assert.Equal(1_500, index.Lineage.CountByCausationId("root"));
        Assert.Equal(1_500, index.Lineage.FindByCausationId("root", 5_000).Count);
    }

    [ContractFact]
    public void FindByCorrelationId_InterleavedConversations_ReturnsOnlyItsOwnOldestFirstWithExactCount()
    {
        var index = Engine.Open();
        var events = new List<EventEnvelope>();
        for (var i = 0; i < 1_200; i++)
        {
            var partition = i % 3;
            events.Add(Envelopes.Event("shop", partition, i / 3, timestampMs: T + ((i * 7919) % 1_200), correlationId: i % 2 == 0 ? "even" : "odd"));
        }

        index.Write(events);
        var expected = events.Where(e => e.CorrelationId == "even")
            .OrderBy(e => e.TimestampMs).ThenBy(e => e.Partition).ThenBy(e => e.Offset)
            .Select(e => e.Id).ToList();

        var page = index.Lineage.FindByCorrelationId("even", 50);
        var all = index.Lineage.FindByCorrelationId("even", 10_000);

        Assert.Equal(expected.Take(50), page.Select(e => e.Id));
        Assert.Equal(expected, all.Select(e => e.Id));
        Assert.Equal(600, index.Lineage.CountByCorrelationId("even"));
        Assert.Equal(600, index.Lineage.CountByCorrelationId("odd"));
    }

    [ContractFact]
    public void Lookups_IdOfAnotherField_DoNotMatch()
    {
        var index = Engine.Open();
        index.Write([Envelopes.Event("orders", 0, 0, messageId: "x", correlationId: "y", causationId: "z")]);

        Assert.Empty(index.Lineage.FindByMessageId("y", 10));
        Assert.Empty(index.Lineage.FindByCorrelationId("x", 10));
        Assert.Empty(index.Lineage.FindByCausationId("x", 10));
        Assert.Equal(0, index.Lineage.CountByCausationId("y"));
        Assert.Single(index.Lineage.FindByCausationId("z", 10));
    }

    [ContractFact]
    public void Lookups_UnknownEmptyOrZeroLimit_ReturnNothing()
    {
        var index = Engine.Open();
        index.Write([Envelopes.Event("orders", 0, 0, messageId: "m", correlationId: "c", causationId: "z")]);

        Assert.Empty(index.Lineage.FindByMessageId("unknown", 10));
        Assert.Empty(index.Lineage.FindByMessageId("m", 0));
        Assert.Empty(index.Lineage.FindByCorrelationId("", 10));
        Assert.Equal(0, index.Lineage.CountByCorrelationId("unknown"));
        Assert.Equal(0, index.Lineage.CountByCausationId(""));
        Assert.Empty(index.Lineage.FindDeadLettersOf(new EventPosition("orders", 0, 0), 10));
    }

    [ContractFact]
    public void FindDeadLettersOf_CopiesPointingAtThePosition_ReturnsOnlyThoseOldestFirst()
    {
        var index = Engine.Open();
        var original = Envelopes.Event("orders", 0, 5, messageId: "m5");
        var neighbour = Envelopes.Event("orders", 0, 6, messageId: "m6");
        index.Write([original, neighbour]);
        index.Write(
        [
            Envelopes.DeadLetter(original, "orders.DLT", 0, 0, T + 900),
            Envelopes.DeadLetter(neighbour, "orders.DLT", 0, 1, T + 901),
            Envelopes.DeadLetter(original, "orders.DLT", 0, 2, T + 902, withPosition: false),
            Envelopes.DeadLetter(original, "orders.retry.DLT", 1, 0, T + 800),
        ]);

        var found = index.Lineage.FindDeadLettersOf(new EventPosition("orders", 0, 5), 10);

        Assert.Equal(["orders.retry.DLT/1/0", "orders.DLT/0/0"], found.Select(e => e.Id));
        Assert.All(found, e => Assert.Equal(5, e.DeadLetterOf?.Offset));
        Assert.Single(index.Lineage.FindDeadLettersOf(new EventPosition("orders", 0, 5), 1));
        Assert.Empty(index.Lineage.FindDeadLettersOf(new EventPosition("orders", 1, 5), 10));
    }

    [ContractFact]
    public void Lookups_AfterReopen_GiveTheSameAnswers()
    {
        var index = Engine.Open();
        var original = Envelopes.Event("orders", 0, 0, messageId: "m", correlationId: "c");
        index.Write([original, Envelopes.Event("payments", 0, 0, messageId: "n", correlationId: "c", causationId: "m")]);
        index.Write([Envelopes.DeadLetter(original, "orders.DLT", 0, 0, T + 50)]);

        var reopened = Reopen(index);

        Assert.Equal(["orders/0/0", "orders.DLT/0/0"], reopened.Lineage.FindByMessageId("m", 10).Select(e => e.Id));
        Assert.Equal(["payments/0/0"], reopened.Lineage.FindByCausationId("m", 10).Select(e => e.Id));
        Assert.Equal(3, reopened.Lineage.CountByCorrelationId("c"));
        Assert.Equal(["orders.DLT/0/0"], reopened.Lineage.FindDeadLettersOf(new EventPosition("orders", 0, 0), 10).Select(e => e.Id));
    }

    [ContractFact]
    public void Lookups_AfterRetention_SeeOnlyKeptEventsEvenWhenReadBefore()
    {
        var index = Engine.Open();
        // Timestamps run backwards, so retention keeps the first offsets (LiteDB rewrites the chunk keeping its first offset).
        index.Write([.. Enumerable.Range(0, 300).Select(i => Envelopes.Event("orders", 0, i, timestampMs: T + 1_000 - i, correlationId: "c", causationId: "root"))]);
        Assert.Equal(300, index.Lineage.CountByCorrelationId("c")); // reads, and caches where an engine caches, every event

        index.ApplyRetention(new RetentionPolicy(MaxEvents: 100, MaxAge: null), DateTimeOffset.FromUnixTimeMilliseconds(T + 2_000));

        var kept = index.Lineage.FindByCorrelationId("c", 1_000);
        Assert.Equal(100, kept.Count);
        Assert.Equal(Enumerable.Range(0, 100).Reverse().Select(i => (long)i), kept.Select(e => e.Offset));
        Assert.Equal(100, index.Lineage.CountByCausationId("root"));
        Assert.Null(index.Lineage.Get(new EventPosition("orders", 0, 150)));
        Assert.NotNull(index.Lineage.Get(new EventPosition("orders", 0, 0)));
    }
}
