using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.TestSupport;

using static EventObserver.Tests.Decoding.SchemaConversationFixture;

namespace EventObserver.Tests.Decoding;

/// <summary>
/// End to end on the mock cluster: Avro and Protobuf conversations whose ids live only in their payloads, read through
/// the app's HTTP API as every feature sees them (list, detail, lineage, flow map, replay, search).
/// </summary>
public sealed class SchemaConversationTests(SchemaConversationFixture fixture) : IClassFixture<SchemaConversationFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData(AvroConversation, "Avro",
        OrderCommands + ":Shop.Orders.PlaceOrder:PlaceOrder:Command:a-place-1:",
        OrderEvents + ":Shop.Orders.OrderPlaced:OrderPlaced:Event:a-placed-1:a-place-1",
        PaymentEvents + ":Shop.Payments.PaymentCharged:PaymentCharged:Event:a-charged-1:a-placed-1")]
    [InlineData(ProtobufConversation, "Protobuf",
        StockCommands + ":shop.stock.ReserveStock:ReserveStock:Command:p-reserve-7:",
        StockEvents + ":shop.stock.Stock.StockReserved:StockReserved:Event:p-reserved-7:p-reserve-7",
        ShippingEvents + ":shop.stock.ParcelDispatched:ParcelDispatched:Event:p-dispatched-7:p-reserved-7")]
    public async Task ListEvents_HeaderlessConversation_IsDecodedWithSchemaTypesAndPayloadIds(string correlationId, string format, params string[] expected)
    {
        var events = await _client.GetFromJsonAsync<JsonElement>($"/api/events?correlationId={correlationId}");

        var byTopic = events.EnumerateArray().ToDictionary(e => e.GetProperty("topic").GetString()!, StringComparer.Ordinal);
        Assert.Equal(expected.Length, byTopic.Count);
        foreach (var line in expected)
        {
            var (topic, typeName, type, kind, messageId, causationId) = Split(line);
            var e = byTopic[topic];
            var decoding = e.GetProperty("decoding");
            Assert.Equal(
                (format, "Decoded", fixture.SchemaIds[topic], $"{topic}-value", typeName),
                (decoding.GetProperty("format").GetString(), decoding.GetProperty("status").GetString(), decoding.GetProperty("schemaId").GetInt32(),
                 decoding.GetProperty("subject").GetString(), decoding.GetProperty("typeName").GetString()));
            Assert.Equal(
                (type, kind, messageId, correlationId, causationId.Length == 0 ? null : causationId),
                (e.GetProperty("type").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("messageId").GetString(),
                 e.GetProperty("correlationId").GetString(), e.GetProperty("causationId").GetString()));
        }
    }

    [Fact]
    public async Task GetEvent_AvroRecordWithNestedArray_ShowsTheDecodedFieldsAndKeepsTheRawBytes()
    {
        var e = await _client.GetFromJsonAsync<JsonElement>($"/api/events/{OrderEvents}/0/0");

        var payload = e.GetProperty("payload");
        Assert.Equal("a-placed-1", payload.GetProperty("metadata").GetProperty("eventId").GetString());
        Assert.Equal(["sku-1:2", "sku-2:3"], payload.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("sku").GetString()}:{i.GetProperty("quantity").GetInt32()}"));
        Assert.Empty(e.GetProperty("headers").EnumerateArray());
        var raw = Convert.FromBase64String(e.GetProperty("rawPayload").GetString()!);
        Assert.Equal(0, raw[0]);
        Assert.Equal(raw.Length, e.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task GetEvent_NestedProtobufMessage_IsDecodedWithCamelCaseFieldNames()
    {
        var e = await _client.GetFromJsonAsync<JsonElement>($"/api/events/{StockEvents}/0/0");

        var payload = e.GetProperty("payload");
        Assert.Equal("res-70", payload.GetProperty("reservationId").GetString());
        Assert.Equal("p-reserve-7", payload.GetProperty("metadata").GetProperty("causationId").GetString());
        var raw = Convert.FromBase64String(e.GetProperty("rawPayload").GetString()!);
        Assert.Equal(fixture.SchemaIds[StockEvents], BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(1, 4)));
        Assert.Equal([0x04, 0x02, 0x00], raw[5..8]); // the index path [1, 0]: count 2, then 1 and 0, zigzag
    }

    [Theory]
    [InlineData(PaymentEvents, AvroConversation, "PlaceOrder", "OrderPlaced", "PaymentCharged")]
    [InlineData(ShippingEvents, ProtobufConversation, "ReserveStock", "StockReserved", "ParcelDispatched")]
    public async Task EventLineage_FromTheLastMessage_WalksUpThePayloadCausationsWithNothingUnresolved(string topic, string correlationId, params string[] chain)
    {
        var graph = await GetGraphAsync($"/api/events/{topic}/0/0/lineage");
        var conversation = await GetGraphAsync($"/api/correlations/{correlationId}");

        foreach (var g in new[] { graph, conversation })
        {
            var types = g.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("type").GetString(), StringComparer.Ordinal);
            Assert.Equal(chain.Order(StringComparer.Ordinal), types.Values.Order(StringComparer.Ordinal));
            Assert.Equal(
                [(chain[0], chain[1]), (chain[1], chain[2])],
                g.GetProperty("edges").EnumerateArray()
                    .Select(edge => (Kind: edge.GetProperty("kind").GetString(), From: types[edge.GetProperty("from").GetString()!], To: types[edge.GetProperty("to").GetString()!]))
                    .Where(edge => edge.Kind == "causation")
                    .Select(edge => (edge.From!, edge.To!))
                    .OrderBy(edge => Array.IndexOf(chain, edge.Item1)));
            Assert.Equal(0, g.GetProperty("unresolvedCauseCount").GetInt32());
        }
    }

    [Fact]
    public async Task Flows_BothConversations_NameEveryTypeFromItsSchemaWithItsKind()
    {
        var map = await _client.GetFromJsonAsync<JsonElement>("/api/flows");

        var nodes = map.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() is "command" or "event")
            .ToDictionary(n => n.GetProperty("label").GetString()!, StringComparer.Ordinal);
        Assert.Equal(
            ["OrderPlaced:event", "ParcelDispatched:event", "PaymentCharged:event", "PlaceOrder:command", "ReserveStock:command", "StockReserved:event"],
            nodes.Select(n => $"{n.Key}:{n.Value.GetProperty("kind").GetString()}").Order(StringComparer.Ordinal));
        Assert.All(nodes.Values, n => Assert.Equal(1, n.GetProperty("count").GetInt64()));
        var reached = Reached(map, nodes);
        Assert.Contains(("PlaceOrder", "OrderPlaced"), reached);
        Assert.Contains(("OrderPlaced", "PaymentCharged"), reached);
        Assert.Contains(("ReserveStock", "StockReserved"), reached);
        Assert.Contains(("StockReserved", "ParcelDispatched"), reached);
    }

    [Fact]
    public async Task Replay_ProjectionOverTheAvroConversation_ReadsAvroFields()
    {
        const string script = """
            ({
              $init: () => ({ customer: null, quantity: 0, charged: 0, currency: null, causes: [] }),
              $any: (s, e) => { s.causes.push(e.data.metadata.causationId); },
              PlaceOrder: (s, e) => { s.customer = e.data.customer; },
              OrderPlaced: (s, e) => { e.data.items.forEach(i => { s.quantity += i.quantity; }); },
              PaymentCharged: (s, e) => { s.charged += Number(e.data.amount); s.currency = e.data.currency; }
            })
            """;

        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { correlationId = AvroConversation }, projection = script });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var run = await Eventually.MatchAsync(
            () => _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult(),
            r => r.GetProperty("status").GetString() is "completed" or "failed" or "stopped",
            $"replay {id} to finish");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(0, run.GetProperty("errors").GetArrayLength());
        var state = run.GetProperty("state");
        Assert.Equal(Customer, state.GetProperty("customer").GetString());
        Assert.Equal(5, state.GetProperty("quantity").GetInt32());
        Assert.Equal(42.5m, state.GetProperty("charged").GetDecimal());
        Assert.Equal("EUR", state.GetProperty("currency").GetString());
        Assert.Equal([null, "a-place-1", "a-placed-1"], state.GetProperty("causes").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("lovelace", OrderCommands)]
    [InlineData("sku-2", OrderEvents)]
    [InlineData("track-7", ShippingEvents)]
    [InlineData("res-70", StockEvents)]
    public async Task ListEvents_FreeTextInsideADecodedPayload_FindsThatEvent(string text, string topic)
    {
        var events = await _client.GetFromJsonAsync<JsonElement>($"/api/events?q={text}");

        Assert.Equal(topic, Assert.Single(events.EnumerateArray()).GetProperty("topic").GetString());
    }

    private async Task<JsonElement> GetGraphAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Type pairs the flow map links, directly or through one policy node between them.</summary>
    private static HashSet<(string, string)> Reached(JsonElement map, Dictionary<string, JsonElement> typeNodes)
    {
        var labels = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("label").GetString()!, StringComparer.Ordinal);
        var typeLabels = typeNodes.Keys.ToHashSet(StringComparer.Ordinal);
        var next = map.GetProperty("edges").EnumerateArray()
            .Select(e => (From: labels[e.GetProperty("from").GetString()!], To: labels[e.GetProperty("to").GetString()!]))
            .ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var from in typeLabels)
        {
            foreach (var to in next[from])
            {
                foreach (var target in typeLabels.Contains(to) ? [to] : next[to].Where(typeLabels.Contains))
                {
                    pairs.Add((from, target));
                }
            }
        }

        return pairs;
    }

    private static (string Topic, string TypeName, string Type, string Kind, string MessageId, string CausationId) Split(string line)
    {
        var parts = line.Split(':');
        return (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }
}
