using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// Free text finds what <see cref="EventSelection.Matches"/> finds, wherever the text is: keys, header values, text and
/// JSON payloads, decoded views, only the first <see cref="EventSelection.MaxScannedPayloadBytes"/> of a payload, never
/// raw binary. An engine's text index may only narrow the candidates.
/// </summary>
public abstract class TextSearchContract : IndexContract
{
    private readonly IEventIndex _index;
    private readonly List<EventEnvelope> _events;

    protected TextSearchContract(IndexEngine engine)
        : base(engine)
    {
        var padding = new string('x', EventSelection.MaxScannedPayloadBytes);
        _events =
        [
            Make(0, key: "vip-customer"),
            Make(1, headers: [new EnvelopeHeader("x-note", "a VIP order"u8.ToArray())]),
            Make(2, payload: "plain vip text"u8.ToArray(), format: PayloadFormat.Text),
            Make(3, payload: [0x00, .. "vip"u8, 0xFF], format: PayloadFormat.Binary),
            Make(4, payload: [0x00, 0x01], format: PayloadFormat.Binary, decoded: """{"tier":"VIP"}"""),
            Make(5, payload: Encoding.UTF8.GetBytes($$"""{"pad":"{{padding}}","tier":"vip"}""")),
            Make(6, payload: Encoding.UTF8.GetBytes($$"""{"tier":"vip","pad":"{{new string('y', 2 * 1024 * 1024)}}"}""")),
            Make(7, payload: null, format: PayloadFormat.Tombstone, key: "k"),
            Make(8, payload: """{"name":"Ünïcode ✓ Straße"}"""u8.ToArray()),
            Make(9, payload: """{"n":9}"""u8.ToArray()),
        ];
        _index = Engine.Open();
        _index.Write(_events);
    }

    [ContractFact]
    public void Query_TextInKeysHeadersTextAndDecodedViews_FindsThoseAndNotRawBinaryOrBeyondTheScannedPart()
    {
        var selection = new EventSelection { Text = "vip", Limit = EventSelection.MaxLimit };

        var found = _index.Query(selection).Select(e => e.Offset).Order();

        Assert.Equal([0L, 1, 2, 4, 6], found);
        Assert.Equal(found, _events.Where(selection.Matches).Select(e => e.Offset));
    }

    [ContractTheory]
    [InlineData("VIP")]
    [InlineData("ünïcode")]
    [InlineData("✓ Straße")]
    [InlineData("order")]
    [InlineData("tier")]
    [InlineData("no such text")]
    public void QueryCountAndRead_Text_GiveExactlyWhatTheSelectionMatches(string text)
    {
        var selection = new EventSelection { Text = text, Limit = EventSelection.MaxLimit };
        var expected = _events.Where(selection.Matches).Select(e => e.Id).ToList();

        var newest = _index.Query(selection).Select(e => e.Id).Reverse();
        var oldest = _index.ReadOldestFirst(new EventRange { Selection = selection }).Select(e => e.Id);

        Assert.Equal(expected, newest);
        Assert.Equal(expected, oldest);
        Assert.Equal(expected.Count, _index.Count(new EventRange { Selection = selection }));
    }

    private static EventEnvelope Make(
        long offset,
        byte[]? payload = null,
        PayloadFormat format = PayloadFormat.Json,
        string? key = null,
        EnvelopeHeader[]? headers = null,
        string? decoded = null) => new()
    {
        Topic = "search",
        Partition = 0,
        Offset = offset,
        TimestampMs = Envelopes.BaseTimestampMs + offset,
        KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
        Key = key,
        KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
        Headers = headers ?? [],
        Payload = payload ?? (format == PayloadFormat.Tombstone ? null : """{"n":0}"""u8.ToArray()),
        PayloadFormat = format,
        DecodedPayload = decoded is null ? null : Encoding.UTF8.GetBytes(decoded),
        Decoding = decoded is null ? null : new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 3 },
        MessageId = $"search-{offset}",
        MessageType = "Searched",
    };
}
