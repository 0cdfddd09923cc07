using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// Input a broker can deliver but tests rarely write: empty batches, huge and empty values, binary keys, odd and
/// duplicate headers, ids in any script, with control characters, or longer than a database index row.
/// </summary>
public abstract class BadInputContract(IndexEngine engine) : IndexContract(engine)
{
    [ContractFact]
    public void Write_EmptyBatch_StoresNothingAndMovesNoCheckpoint()
    {
        var index = Engine.Open();
        var before = index.Write([]);
        index.Write(Envelopes.Range("orders", 0, 0, 9));

        var stored = index.Write([], []);

        Assert.Equal((0, 0), (before, stored));
        Assert.Equal(10, Assert.Single(index.GetCheckpoints()).Value);
        Assert.Equal(10, index.GetStatistics().TotalEvents);
        Assert.Empty(index.GetRetentionGaps());
    }

    [ContractFact]
    public void Write_EightMegabyteValueAndLargeHeader_RoundTripAndAreSearchable()
    {
        var index = Engine.Open();
        var random = new Random(11);
        var payload = Encoding.UTF8.GetBytes("{\"needle\":\"found-me\",\"pad\":\"" + new string('p', 8 * 1024 * 1024) + "\"}");
        var header = new byte[256 * 1024];
        random.NextBytes(header);
        var big = Envelope("big", 0, id: "big-1", payload: payload, headers: [new EnvelopeHeader("blob", header)]);

        index.Write([big, Envelope("big", 1, id: "small")]);

        var reopened = Reopen(index);
        var stored = reopened.Get("big", 0, 0);
        Assert.NotNull(stored);
        // Assert.Equal, not Equivalent: Equivalent compares arrays element by element through reflection (minutes here).
        Assert.Equal(payload, stored.Payload);
        Assert.Equal(header, Assert.Single(stored.Headers).Value);
        Assert.Equal("big-1", stored.MessageId);
        Assert.Equal(["big-1"], reopened.Query(new EventSelection { Text = "found-me" }).Select(e => e.MessageId));
        Assert.Equal(2, reopened.ReadOldestFirst(new EventRange()).Count());
    }

    [ContractFact]
    public void Write_BinaryKeyWithEveryByteValue_KeepsTheBytesAndIsFoundByItsHexKey()
    {
        var index = Engine.Open();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var hex = Convert.ToHexStringLower(bytes);
        var e = new EventEnvelope
        {
            Topic = "keys", Partition = 0, Offset = 0, TimestampMs = Envelopes.BaseTimestampMs, MessageId = "k-0",
            KeyBytes = bytes, Key = hex, KeyFormat = KeyFormat.Hex,
        };

        index.Write([e, Envelope("keys", 1, id: "k-1", key: "00")]);

        var found = Assert.Single(Reopen(index).Query(new EventSelection { Key = hex }));
        Assert.Equal(bytes, found.KeyBytes);
        Assert.Equal(KeyFormat.Hex, found.KeyFormat);
    }

    [ContractFact]
    public void Query_DuplicateEmptyAndNullHeaders_MatchAsTheSelectionDoes()
    {
        var index = Engine.Open();
        List<EventEnvelope> events =
        [
            Envelope("h", 0, headers: [new("dup", "first"u8.ToArray()), new("dup", "second"u8.ToArray())]),
            Envelope("h", 1, headers: [new("dup", "first"u8.ToArray())]),
            Envelope("h", 2, headers: [new("empty", []), new("null", null)]),
            Envelope("h", 3, headers: [new("DUP", "second"u8.ToArray()), new("dup", [0xFF, 0xFE])]),
        ];
        index.Write(events);

        foreach (var (name, value) in new (string, string?)[] { ("dup", "second"), ("dup", null), ("empty", null), ("null", null), ("dup", "third") })
        {
            var selection = new EventSelection { HeaderName = name, HeaderValue = value };

            var found = index.Query(selection).Select(e => e.Offset).Order();

            Assert.Equal(events.Where(selection.Matches).Select(e => e.Offset), found);
        }
    }

    [ContractFact]
    public void Write_UnicodeIdsTypesAndKeys_RoundTripAndAreFoundExactly()
    {
        var index = Engine.Open();
        var e = Envelope("unicode", 0, id: "注文-✓-🚀", key: "ключ-🔑", correlationId: "Straße-会話", causationId: "🚀", type: "Bestellung✓");
        var composed = Envelope("unicode", 1, id: "caf\u00e9");
        var decomposed = Envelope("unicode", 2, id: "cafe\u0301");
        index.Write([e, composed, decomposed]);

        var reopened = Reopen(index);

        Assert.Equivalent(e, Assert.Single(reopened.Query(new EventSelection { MessageId = "注文-✓-🚀" })), strict: true);
        Assert.Single(reopened.Query(new EventSelection { Key = "ключ-🔑" }));
        Assert.Single(reopened.Query(new EventSelection { Type = "Bestellung✓" }));
        Assert.Single(reopened.Lineage.FindByCorrelationId("Straße-会話", 10));
        Assert.Single(reopened.Lineage.FindByCausationId("🚀", 10));
        // Ids compare ordinally: no normalization, no case folding.
        Assert.Equal([1L], reopened.Query(new EventSelection { MessageId = "caf\u00e9" }).Select(x => x.Offset));
        Assert.Equal([2L], reopened.Lineage.FindByMessageId("cafe\u0301", 10).Select(x => x.Offset));
        Assert.Empty(reopened.Query(new EventSelection { MessageId = "CAF\u00c9" }));
    }

    [ContractFact]
    public void Write_IdsThatDifferOnlyInCaseOrTrailingSpace_StayDistinct()
    {
        var index = Engine.Open();
        index.Write([Envelope("ids", 0, id: "m1"), Envelope("ids", 1, id: "M1"), Envelope("ids", 2, id: "m1 ", correlationId: "c "), Envelope("ids", 3, id: "m2", correlationId: "c")]);

        Assert.Equal([0L], index.Lineage.FindByMessageId("m1", 10).Select(e => e.Offset));
        Assert.Equal([1L], index.Query(new EventSelection { MessageId = "M1" }).Select(e => e.Offset));
        Assert.Equal([2L], index.Lineage.FindByMessageId("m1 ", 10).Select(e => e.Offset));
        Assert.Equal(1, index.Lineage.CountByCorrelationId("c"));
    }

    [ContractFact]
    public void Write_IdsWithNulAndControlCharacters_RoundTripAndAreFound()
    {
        var index = Engine.Open();
        var e = Envelope("ctl", 0, id: "nul\0id\u0001", key: "k\0ey", correlationId: "tab\tnew\nline", causationId: "\0");
        index.Write([e]);

        var reopened = Reopen(index);

        Assert.Equivalent(e, reopened.Get("ctl", 0, 0), strict: true);
        Assert.Single(reopened.Lineage.FindByMessageId("nul\0id\u0001", 10));
        Assert.Single(reopened.Query(new EventSelection { Key = "k\0ey" }));
        Assert.Equal(1, reopened.Lineage.CountByCorrelationId("tab\tnew\nline"));
        Assert.Empty(reopened.Lineage.FindByMessageId("nul", 10));
    }

    [ContractFact]
    public void Write_IdsAndKeyLongerThanAnIndexRow_RoundTripAndAreFound()
    {
        var index = Engine.Open();
        // Random, so no compression brings them under a database's index row limit (PostgreSQL's B-tree: ~2.7 KB).
        var random = new Random(5);
        string Long() => Convert.ToHexString(Enumerable.Range(0, 5_000).Select(_ => (byte)random.Next(256)).ToArray());
        var e = Envelope("long", 0, id: Long(), key: Long(), correlationId: Long(), causationId: Long(), type: Long());
        index.Write([e, Envelope("long", 1, id: e.MessageId[..100])]);

        Assert.Equivalent(e, Assert.Single(index.Query(new EventSelection { MessageId = e.MessageId })), strict: true);
        Assert.Single(index.Query(new EventSelection { Key = e.Key }));
        Assert.Single(index.Query(new EventSelection { Type = e.MessageType }));
        Assert.Single(index.Lineage.FindByCorrelationId(e.CorrelationId!, 10));
        Assert.Single(index.Lineage.FindByCausationId(e.CausationId!, 10));
    }

    [ContractFact]
    public void Write_TombstoneWithoutKeyOrHeaders_RoundTripsExactly()
    {
        var index = Engine.Open();
        var tombstone = new EventEnvelope
        {
            Topic = "compacted", Partition = 0, Offset = 0, TimestampMs = Envelopes.BaseTimestampMs,
            MessageId = "compacted/0/0", MessageIdDerived = true, PayloadFormat = PayloadFormat.Tombstone,
        };

        index.Write([tombstone]);

        Assert.Equivalent(tombstone, Reopen(index).Get("compacted", 0, 0), strict: true);
    }

    [ContractFact]
    public void Write_TimestampsAtTheEdges_AreKeptAndReadInTimeOrder()
    {
        var index = Engine.Open();
        long[] times = [7_258_118_400_000, -1, Envelopes.BaseTimestampMs, 0]; // 2200-01-01, Kafka's "none", now-ish, the epoch
        index.Write([.. times.Select((t, i) => Envelopes.Event("edges", i, 0, timestampMs: t))]);

        var read = Reopen(index).ReadOldestFirst(new EventRange()).Select(e => e.TimestampMs);

        Assert.Equal(times.Order(), read);
    }

    [ContractFact]
    public void Lookups_OnANewStoreWithNoEvents_AreEmptyNotErrors()
    {
        var index = Engine.Open();

        Assert.Empty(index.Query(new EventSelection { Text = "x", Key = "k" }));
        Assert.Empty(index.ReadOldestFirst(new EventRange()));
        Assert.Equal(0, index.Count(new EventRange()));
        Assert.Null(index.Get("none", 0, 0));
        Assert.Empty(index.GetPartitionRanges("none"));
        Assert.Empty(index.GetRetentionGaps());
        Assert.Equal(0, index.ApplyRetention(new RetentionPolicy(0, TimeSpan.Zero), DateTimeOffset.UnixEpoch));
        Assert.Null(index.Lineage.Get(new EventPosition("none", 0, 0)));
    }

    private static EventEnvelope Envelope(
        string topic,
        long offset,
        string? id = null,
        byte[]? payload = null,
        EnvelopeHeader[]? headers = null,
        string? key = null,
        string? correlationId = null,
        string? causationId = null,
        string? type = "Odd") => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = Envelopes.BaseTimestampMs + offset,
        KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
        Key = key,
        KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
        Headers = headers ?? [],
        Payload = payload ?? """{"odd":true}"""u8.ToArray(),
        PayloadFormat = PayloadFormat.Json,
        MessageId = id ?? $"{topic}-{offset}",
        MessageType = type,
        CorrelationId = correlationId,
        CausationId = causationId,
    };
}
