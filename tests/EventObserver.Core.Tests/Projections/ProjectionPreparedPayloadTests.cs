using System.Text.Json.Nodes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>
/// <see cref="ProjectionRunner.Prepare"/> scans a payload ahead (on a replay's read thread); applying an event with
/// it must give exactly what applying it without it gives.
/// </summary>
public sealed class ProjectionPreparedPayloadTests
{
    private const string Reader = """
        ({ $init: () => ({ seen: [] }), $any: (s, e) => {
          const d = e.data;
          s.seen.push(d === null ? 'null' : JSON.stringify(d) + '|' + (typeof d === 'object' && d !== null ? Object.keys(d).join() + '|' + JSON.stringify(d.a) : ''));
        } })
        """;

    public static TheoryData<string> Payloads => new()
    {
        """{"a":1,"b":"two","c":[1,{"d":null}],"e":{"f":true}}""",
        """{"a\u0062":1,"ab":2}""",
        """{"a":{"x":1},"a":{"z":[{"q":1}]},"b":2}""",
        """{"\u0061":{"\u0062":[1]}}""",
        """{"a":{"b":"\ud800"},"c":1}""",
        """  {"a" : 1 , "b" : [ ] }  """,
        """{}""",
        """{"__proto__":{"polluted":1},"a":1}""",
        "{" + string.Join(",", Enumerable.Range(0, 70).Select(i => $"\"m{i}\":{i}")) + "}",
        """[1,{"a":2}]""",
        """ 42 """,
        """{"a":1} x""",
        """{"a":[1,2}""",
        "",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Apply_WithPreparedPayload_GivesWhatApplyWithoutItGives(string payload)
    {
        // Two events of one shape: the second meets the cached shape, the first creates it.
        var events = new[] { TestEvents.Json("A", payload, offset: 0), TestEvents.Json("A", payload, offset: 1) };
        var plain = TestEvents.Runner(Reader);
        var prepared = TestEvents.Runner(Reader);

        foreach (var e in events)
        {
            plain.Apply(e);
            prepared.Apply(e, ProjectionRunner.Prepare(e));
        }

        Assert.Equal(2, prepared.Applied);
        Assert.True(JsonNode.DeepEquals(plain.GetState(), prepared.GetState()), prepared.GetState()!.ToJsonString());
    }

    [Theory]
    [InlineData("""[1,2]""")]
    [InlineData(""" "text" """)]
    [InlineData("""{"a":1} x""")]
    [InlineData("""{"a":[1,2}""")]
    [InlineData("")]
    public void Prepare_PayloadThatIsNotOneJsonObject_IsNull(string payload)
    {
        Assert.Null(ProjectionRunner.Prepare(TestEvents.Json("A", payload)));
    }

    [Fact]
    public void Prepare_ObjectTooWideToBeLazy_OrTextPayload_IsNull_AndAnObjectIsNot()
    {
        var wide = "{" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"m{i}\":{i}")) + "}";

        Assert.Null(ProjectionRunner.Prepare(TestEvents.Json("A", wide)));
        Assert.Null(ProjectionRunner.Prepare(TestEvents.Text("A", """{"a":1}""")));
        Assert.NotNull(ProjectionRunner.Prepare(TestEvents.Json("A", """{"a":1}""")));
    }

    [Fact]
    public void Apply_WithAnotherEventsPreparedPayload_ReadsItsOwnPayload()
    {
        var runner = TestEvents.Runner(Reader);
        var other = ProjectionRunner.Prepare(TestEvents.Json("A", """{"a":"other","b":2}"""));

        runner.Apply(TestEvents.Json("A", """{"a":"own","c":3}"""), other);

        Assert.Equal("{\"a\":\"own\",\"c\":3}|a,c|\"own\"", runner.GetState()!["seen"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ReadsData_TurnsTrue_OnlyOnceAHandlerReadsData()
    {
        var runner = TestEvents.Runner("({ $any: (s, e) => { if (e.type === 'B') s.x = e.data.x; } })");

        runner.Apply(TestEvents.Json("A", """{"x":1}"""));
        var beforeB = runner.ReadsData;
        runner.Apply(TestEvents.Json("B", """{"x":2}"""));

        Assert.False(beforeB);
        Assert.True(runner.ReadsData);
    }
}
