using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// The parts of an <see cref="EventSelection"/> beyond the plain lookups: several topics, offset ranges in queries,
/// and source, header and free text, which an index may only pre-filter: the answer is exactly the selection's own match.
/// </summary>
public abstract class SelectionContract : IndexContract
{
    private readonly IEventIndex _index;
    private readonly List<EventEnvelope> _events;

    protected SelectionContract(IndexEngine engine)
        : base(engine)
    {
        _index = Engine.Open();
        _events = [.. Enumerable.Range(0, 900).Select(Make)];
        foreach (var batch in _events.Chunk(100))
        {
            _index.Write(batch);
        }
    }

    public static TheoryData<string> Queries =>
    [
        "topic=orders&topic=payments",
        "topic=orders,shipping&kind=Command",
        "range=orders/1/20-40&range=payments/0/-5",
        "source=BILLING",
        "header=x-tenant:acme",
        "header=x-tenant",
        "q=VIP",
        "topic=payments&q=vip&type=Tick",
        "key=k3&q=vip",
        "range=orders/2&source=shop&header=x-tenant:beta",
    ];

    [ContractTheory]
    [MemberData(nameof(Queries), MemberType = typeof(SelectionContract))]
    public void QueryCountAndRead_Selection_GiveExactlyTheMatchingEvents(string query)
    {
        var selection = EventSelectionQuery.Parse(query, out var problems) with { Limit = EventSelection.MaxLimit };
        var expected = _events.Where(selection.Matches).ToList();

        var newest = _index.Query(selection);
        var oldest = _index.ReadOldestFirst(new EventRange { Selection = selection }).ToList();

        Assert.Empty(problems);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), newest.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.OrderBy(e => e.TimestampMs).Select(e => e.Id), oldest.Select(e => e.Id));
        Assert.Equal(expected.Count, _index.Count(new EventRange { Selection = selection }));
    }

    [ContractFact]
    public void Query_ScannedPart_StopsAtTheLimitNewestFirst()
    {
        var selection = new EventSelection { Text = "vip", Limit = 3 };

        var page = _index.Query(selection);

        Assert.Equal(_events.Where(selection.Matches).OrderByDescending(e => e.TimestampMs).Take(3).Select(e => e.Id), page.Select(e => e.Id));
    }

    // Source and header names match case-insensitively (EventSelection.Matches). Types do too in Matches, but LiteDB looks
    // types up exactly (ChunkFilter via the catalog's type numbers): that divergence is reported, not part of the contract.
    [ContractFact]
    public void Query_SourceInAnotherCase_MatchesAsTheSelectionDoes()
    {
        var source = new EventSelection { Source = "Billing", Limit = 5 };

        var bySource = _index.Query(source);

        Assert.Equal(_events.Where(source.Matches).OrderByDescending(e => e.TimestampMs).Take(5).Select(e => e.Id), bySource.Select(e => e.Id));
        Assert.Equal(5, bySource.Count);
    }

    [ContractFact]
    public void Query_IdsAndKeysInAnotherCase_FindNothing()
    {
        Assert.Empty(_index.Query(new EventSelection { MessageId = "ORDERS-0-0" }));
        Assert.Empty(_index.Query(new EventSelection { Key = "K3" }));
        Assert.NotEmpty(_index.Query(new EventSelection { Key = "k3" }));
    }

    // Three topics over three partitions; every 7th is a command, every 5th from "billing", tenants alternate, every 11th a VIP.
    private static EventEnvelope Make(int i)
    {
        var topic = (i % 3) switch { 0 => "orders", 1 => "payments", _ => "shipping" };
        var e = Envelopes.Event(topic, i / 3 % 3, i / 9, timestampMs: Envelopes.BaseTimestampMs + i,
            kind: i % 7 == 0 ? MessageKind.Command : MessageKind.Event, key: $"k{i % 5}");
        return new EventEnvelope
        {
            Topic = e.Topic,
            Partition = e.Partition,
            Offset = e.Offset,
            TimestampMs = e.TimestampMs,
            TimestampKind = e.TimestampKind,
            KeyBytes = e.KeyBytes,
            Key = e.Key,
            KeyFormat = e.KeyFormat,
            Headers = [.. e.Headers, new EnvelopeHeader("x-tenant", Encoding.UTF8.GetBytes(i % 2 == 0 ? "acme" : "beta"))],
            Payload = Encoding.UTF8.GetBytes(i % 11 == 0 ? $"{{\"tier\":\"vip\",\"n\":{i}}}" : $"{{\"n\":{i}}}"),
            PayloadFormat = PayloadFormat.Json,
            MessageId = e.MessageId,
            MessageType = e.MessageType,
            Kind = e.Kind,
            Source = i % 5 == 0 ? "billing" : "shop",
        };
    }
}
