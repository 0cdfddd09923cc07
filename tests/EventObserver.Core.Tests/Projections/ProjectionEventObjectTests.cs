using System.Text;
using System.Text.Json.Nodes;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

public sealed class ProjectionEventObjectTests
{
    private const string CaptureScript = "({ $any: (s, e) => ({ ...e }) })";

    private static JsonNode Capture(EventEnvelope envelope) => TestEvents.Run(CaptureScript, [envelope]).GetState()!;

    [Fact]
    public void EventObject_JsonEvent_ExposesEnvelopeFields()
    {
        var envelope = TestEvents.Json("OrderPlaced", """{"orderId":"o-1","total":12.5,"lines":[1,2]}""", key: "o-1", offset: 7, kind: MessageKind.Event);

        var e = Capture(envelope);

        Assert.Equal("OrderPlaced", e["type"]!.GetValue<string>());
        Assert.Equal("Event", e["kind"]!.GetValue<string>());
        Assert.Equal(12.5, e["data"]!["total"]!.GetValue<double>());
        Assert.Equal(2, e["data"]!["lines"]!.AsArray().Count);
        Assert.Equal("""{"orderId":"o-1","total":12.5,"lines":[1,2]}""", e["text"]!.GetValue<string>());
        Assert.Equal("o-1", e["key"]!.GetValue<string>());
        Assert.Equal("shop.orders", e["topic"]!.GetValue<string>());
        Assert.Equal(1, e["partition"]!.GetValue<int>());
        Assert.Equal(7, e["offset"]!.GetValue<int>());
        Assert.Equal(envelope.TimestampMs, e["timestampMs"]!.GetValue<long>());
        Assert.Equal("2023-11-14T22:13:27.000Z", e["timestamp"]!.GetValue<string>());
        Assert.Equal("corr-1", e["correlationId"]!.GetValue<string>());
        Assert.Equal("msg-6", e["causationId"]!.GetValue<string>());
        Assert.Equal("msg-7", e["messageId"]!.GetValue<string>());
        Assert.Equal("order-service", e["source"]!.GetValue<string>());
        Assert.Equal("o-1", e["subject"]!.GetValue<string>());
        Assert.Equal("shop.orders/1/7", e["id"]!.GetValue<string>());
    }

    [Fact]
    public void EventObject_TextPayload_HasTextAndNullData()
    {
        var e = Capture(TestEvents.Text("LogLine", "hello world"));

        Assert.Null(e["data"]);
        Assert.Equal("hello world", e["text"]!.GetValue<string>());
        Assert.Equal("Message", e["kind"]!.GetValue<string>());
        Assert.Null(e["key"]);
    }

    [Fact]
    public void EventObject_Headers_LastValueWinsAndBinaryIsHex()
    {
        var envelope = TestEvents.Json("A", "{}", headers:
        [
            ("x-tenant", Encoding.UTF8.GetBytes("first")),
            ("x-tenant", Encoding.UTF8.GetBytes("second")),
            ("bin", [0x00, 0xff]),
            ("empty", null),
            ("__proto__", Encoding.UTF8.GetBytes("not a prototype")),
        ]);

        var headers = Capture(envelope)["headers"]!;

        Assert.Equal("second", headers["x-tenant"]!.GetValue<string>());
        Assert.Equal("00ff", headers["bin"]!.GetValue<string>());
        Assert.Null(headers["empty"]);
        Assert.Equal("not a prototype", headers["__proto__"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", """{"a":2}""")]
    [InlineData("""{"__proto__":{"x":1}}""", """{"__proto__":{"x":1}}""")]
    [InlineData("""[1,"two",true,null,{"n":-1.5e3}]""", """[1,"two",true,null,{"n":-1500}]""")]
    [InlineData("""{"big":1e400}""", """{"big":null}""")]
    [InlineData("\"\\ud800\"", "\"\\ud800\"")]
    public void EventObject_Data_FollowsJsonParseSemantics(string payload, string expected)
    {
        var runner = TestEvents.Run("({ $any: (s, e) => ({ json: JSON.stringify(e.data) }) })", [TestEvents.Json("A", payload)]);

        Assert.Equal(expected, runner.GetState()!["json"]!.GetValue<string>());
    }

    [Fact]
    public void EventObject_Data_RoundTripsNestedAndWideObjects()
    {
        var wide = "{" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"f{i}\":{i}")) + "}";
        var payload = "{\"a\":{\"b\":{\"c\":[1,{\"d\":\"x\"}]}},\"wide\":" + wide + ",\"s\":\"h\\u00e9\"}";

        var runner = TestEvents.Run("({ $any: (s, e) => ({ json: JSON.stringify(e.data), d: e.data.a.b.c[1].d, f99: e.data.wide.f99, keys: Object.keys(e.data).join() }) })",
            [TestEvents.Json("A", payload)]);
        var state = runner.GetState()!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(payload), JsonNode.Parse(state["json"]!.GetValue<string>())));
        Assert.Equal("x", state["d"]!.GetValue<string>());
        Assert.Equal(99, state["f99"]!.GetValue<int>());
        Assert.Equal("a,wide,s", state["keys"]!.GetValue<string>());
    }

    [Fact]
    public void EventObject_DataMutatedByHandler_KeepsTheChange()
    {
        var runner = TestEvents.Run("({ $any: (s, e) => { e.data.total = 1; e.data.extra = true; return e.data; } })",
            [TestEvents.Json("A", "{\"total\":5,\"currency\":\"EUR\"}")]);

        Assert.Equal("{\"total\":1,\"currency\":\"EUR\",\"extra\":true}", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void EventObject_DataNestedDeeperThanTheParseLimit_IsNull()
    {
        var runner = TestEvents.Run("({ $any: (s, e) => ({ isNull: e.data === null }) })",
            [TestEvents.Json("A", new string('[', 500) + new string(']', 500))]);

        Assert.True(runner.GetState()!["isNull"]!.GetValue<bool>());
    }

    [Fact]
    public void EventObject_BrokenJsonMarkedAsJson_GivesNullData()
    {
        var runner = TestEvents.Run("({ $any: (s, e) => ({ isNull: e.data === null, text: e.text }) })", [TestEvents.Json("A", "{\"a\":")]);

        Assert.True(runner.GetState()!["isNull"]!.GetValue<bool>());
        Assert.Equal("{\"a\":", runner.GetState()!["text"]!.GetValue<string>());
    }

    [Fact]
    public void EventObject_KeptInState_KeepsItsOwnEventData()
    {
        var runner = TestEvents.Run("({ $init: () => ({ events: [] }), $any: (s, e) => { s.events.push(e); } })", TestEvents.Many("A", 2));

        var events = runner.GetState()!["events"]!.AsArray();

        Assert.Equal(0, events[0]!["data"]!["n"]!.GetValue<int>());
        Assert.Equal(1, events[1]!["data"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void Sandbox_DateNow_IsTheEventTimestamp()
    {
        var runner = TestEvents.Run("({ $any: (s, e) => ({ now: Date.now(), iso: new Date().toISOString(), ts: e.timestampMs }) })",
            [TestEvents.Json("A", "{}", offset: 3)]);
        var state = runner.GetState()!;

        Assert.Equal(state["ts"]!.GetValue<long>(), state["now"]!.GetValue<long>());
        Assert.Equal("2023-11-14T22:13:23.000Z", state["iso"]!.GetValue<string>());
    }
}
