using System.Text.Json.Nodes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>The lazy reading of <c>e.data</c>: one scan per payload, members built from their own bytes when read.</summary>
public sealed class ProjectionEventDataTests
{
    private const string Stringify = "({ $any: (s, e) => ({ json: JSON.stringify(e.data) }) })";

    [Theory]
    [InlineData("""{"a\u0062":1,"ab":2}""", """{"ab":2}""")]
    [InlineData("""{"a":{"x":1,"y":2},"a":{"z":[{"q":1}]},"b":{"w":true,"v":"s"}}""", """{"a":{"z":[{"q":1}]},"b":{"w":true,"v":"s"}}""")]
    [InlineData("""{"\u0061":{"\u0062":[1]}}""", """{"a":{"b":[1]}}""")]
    [InlineData("""[[1,[2]],{"x":[{"y":1},{"y":2}]},"s",-0.5]""", """[[1,[2]],{"x":[{"y":1},{"y":2}]},"s",-0.5]""")]
    [InlineData("""{"a":{"b":"\ud800"},"c":1}""", """{"a":{"b":"\ud800"},"c":1}""")]
    [InlineData(""" 42 """, "42")]
    [InlineData("""{}""", """{}""")]
    public void Data_UnusualShapes_ReadAsJsonParseWould(string payload, string expected)
    {
        var runner = TestEvents.Run(Stringify, [TestEvents.Json("A", payload)]);

        Assert.Equal(expected, runner.GetState()!["json"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"a":1} x""")]
    [InlineData("""{"a":1}{"b":2}""")]
    [InlineData("")]
    [InlineData("""{"a":[1,2}""")]
    public void Data_TextThatIsNotOneJsonValue_IsNull(string payload)
    {
        var runner = TestEvents.Run("({ $any: (s, e) => ({ isNull: e.data === null }) })", [TestEvents.Json("A", payload)]);

        Assert.True(runner.GetState()!["isNull"]!.GetValue<bool>());
    }

    [Fact]
    public void Data_SameMemberCountDifferentNames_KeepsEachObjectsOwnNames()
    {
        var events = new[]
        {
            TestEvents.Json("A", """{"a":1,"b":2}""", offset: 0),
            TestEvents.Json("A", """{"b":3,"a":4}""", offset: 1),
            TestEvents.Json("A", """{"c":5,"d":6}""", offset: 2),
            TestEvents.Json("A", """{"a":7,"b":8}""", offset: 3),
        };

        var runner = TestEvents.Run("({ $init: () => ({ seen: [] }), $any: (s, e) => { s.seen.push(Object.keys(e.data).join() + '=' + Object.values(e.data).join()); } })", events);

        Assert.Equal(["a,b=1,2", "b,a=3,4", "c,d=5,6", "a,b=7,8"],
            runner.GetState()!["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Data_WideObjectWithNestedValues_ReadsEveryMember()
    {
        var members = Enumerable.Range(0, 70).Select(i => i % 10 == 0 ? $"\"m{i}\":{{\"v\":[{i}]}}" : $"\"m{i}\":{i}");
        var payload = "{" + string.Join(",", members) + "}";

        var runner = TestEvents.Run("({ $any: (s, e) => ({ json: JSON.stringify(e.data), m60: e.data.m60.v[0], n: Object.keys(e.data).length }) })",
            [TestEvents.Json("A", payload)]);
        var state = runner.GetState()!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(payload), JsonNode.Parse(state["json"]!.GetValue<string>())));
        Assert.Equal(60, state["m60"]!.GetValue<int>());
        Assert.Equal(70, state["n"]!.GetValue<int>());
    }

    [Fact]
    public void Data_MemberReadAfterOtherEvents_ComesFromItsOwnPayload()
    {
        var runner = TestEvents.Run("({ $init: () => ({ kept: [] }), $any: (s, e) => { s.kept.push(e.data.inner); } })",
            [TestEvents.Json("A", """{"inner":{"n":1,"t":"one"}}""", offset: 0), TestEvents.Json("A", """{"inner":{"n":2,"t":"two"}}""", offset: 1)]);

        var kept = runner.GetState()!["kept"]!.AsArray();

        Assert.Equal("one", kept[0]!["t"]!.GetValue<string>());
        Assert.Equal(2, kept[1]!["n"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1_700_000_000_123L)]
    [InlineData(-62_135_596_800_000L)]
    [InlineData(253_402_300_799_999L)]
    [InlineData(951_782_400_009L)]
    public void IsoTimestamp_AnyInstant_MatchesToIsoString(long ms)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

        Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), EventObjectFactory.IsoTimestamp(utc));
    }
}
