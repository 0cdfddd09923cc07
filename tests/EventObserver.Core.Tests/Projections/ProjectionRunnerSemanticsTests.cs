using System.Text.Json.Nodes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

public sealed class ProjectionRunnerSemanticsTests
{
    [Fact]
    public void Apply_TypedHandlers_FoldInTheOrderGiven()
    {
        var runner = TestEvents.Run(
            "({ $init: () => ({ seen: [] }), A: (s, e) => { s.seen.push('A' + e.offset); }, B: (s, e) => { s.seen.push('B' + e.offset); } })",
            [TestEvents.Json("A", "{}", offset: 0), TestEvents.Json("B", "{}", offset: 1), TestEvents.Json("A", "{}", offset: 2)]);

        Assert.Equal("""{"seen":["A0","B1","A2"]}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Apply_TypedAndAnyHandlers_RunsTypedHandlerFirstThenAny()
    {
        var runner = TestEvents.Run(
            "({ $init: () => ({ log: [] }), A: (s) => { s.log.push('typed'); }, $any: (s, e) => { s.log.push('any:' + e.type); } })",
            [TestEvents.Json("A", "{}"), TestEvents.Json("Other", "{}", offset: 1)]);

        Assert.Equal("""{"log":["typed","any:A","any:Other"]}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Apply_HandlerReturningUndefined_KeepsMutatedState()
    {
        var runner = TestEvents.Run("({ $init: () => ({ count: 0 }), A: (s) => { s.count++; } })", TestEvents.Many("A", 3));

        Assert.Equal(3, runner.GetState()!["count"]!.GetValue<int>());
    }

    [Fact]
    public void Apply_HandlerReturningValue_ReplacesState()
    {
        var runner = TestEvents.Run("({ $init: () => ({ count: 0 }), A: (s, e) => ({ last: e.data.n }) })", TestEvents.Many("A", 3));

        Assert.Equal("""{"last":2}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Create_WithoutInit_StartsFromEmptyObject()
    {
        var runner = TestEvents.Runner("({ A: (s) => s })");

        Assert.Equal("{}", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Apply_NoMatchingHandler_SkipsWithoutTouchingState()
    {
        var runner = TestEvents.Runner("({ $init: () => ({ n: 0 }), A: (s) => { s.n++; } })");

        var result = runner.Apply(TestEvents.Json("B", "{}"));

        Assert.Equal(StepOutcome.Skipped, result.Outcome);
        Assert.Equal("""{"n":0}""", runner.GetState()!.ToJsonString());
        Assert.Equal((1, 0, 1), (runner.Processed, runner.Applied, runner.Skipped));
    }

    [Fact]
    public void Apply_PartitionedProjection_KeepsOneStatePerKeyWithItsOwnInit()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => e.key }); ({ $init: () => ({ n: 0 }), A: (s) => { s.n++; } })");

        var first = runner.Apply(TestEvents.Json("A", "{}", key: "k1"));
        runner.Apply(TestEvents.Json("A", "{}", key: "k2", offset: 1));
        runner.Apply(TestEvents.Json("A", "{}", key: "k1", offset: 2));

        Assert.True(runner.IsPartitioned);
        Assert.Equal("k1", first.PartitionKey);
        Assert.Equal("""{"k1":{"n":2},"k2":{"n":1}}""", runner.GetState()!.ToJsonString());
        Assert.Equal(["k1", "k2"], runner.PartitionKeys);
        Assert.Equal("""{"n":1}""", runner.GetPartitionState("k2")!.ToJsonString());
        Assert.Null(runner.GetPartitionState("missing"));
    }

    [Fact]
    public void Apply_PartitionKeyNullOrUndefined_SkipsEvent()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => e.key }); ({ A: (s) => { s.hit = true; } })");

        var result = runner.Apply(TestEvents.Json("A", "{}", key: null));

        Assert.Equal(StepOutcome.Skipped, result.Outcome);
        Assert.Equal("{}", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Apply_NumericPartitionKey_IsTurnedIntoText()
    {
        var runner = TestEvents.Run("options({ partitionBy: e => e.data.n % 2 }); ({ $any: (s) => { s.c = (s.c || 0) + 1; } })", TestEvents.Many("A", 5));

        Assert.Equal("""{"0":{"c":3},"1":{"c":2}}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Apply_ObjectPartitionKey_UsesItsToString()
    {
        var runner = TestEvents.Run("options({ partitionBy: e => ({ toString: () => 'k-' + e.data.n }) }); ({ $any: (s) => { s.hit = true; } })",
            TestEvents.Many("A", 1));

        Assert.Equal(["k-0"], runner.PartitionKeys);
    }

    [Fact]
    public void Create_KurrentDbStyleFromAllWhen_IsAccepted()
    {
        var runner = TestEvents.Run("fromAll().partitionBy(e => e.key).when({ $init: () => ({ n: 0 }), A: (s) => { s.n++; } })",
            [TestEvents.Json("A", "{}", key: "x")]);

        Assert.Equal("""{"x":{"n":1}}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Create_BareObjectLiteralWithoutParentheses_IsAccepted()
    {
        var runner = TestEvents.Run("{ $any: (s, e) => { s.n = (s.n || 0) + 1; } }", TestEvents.Many("A", 2));

        Assert.Equal("""{"n":2}""", runner.GetState()!.ToJsonString());
    }

    [Fact]
    public void Create_SyntaxError_ReportsCompileErrorWithLine()
    {
        var compilation = ProjectionRunner.Create("({\n  A: (s, e) => { s.n++ \n})", TestEvents.Generous);

        Assert.False(compilation.Succeeded);
        Assert.Equal(ProjectionErrorKind.Compile, compilation.Error.Kind);
        Assert.NotNull(compilation.Error.Line);
        Assert.Null(compilation.Error.Position);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("({ A: 5 })")]
    [InlineData("options({ partitionBy: 'key' }); ({ A: s => s })")]
    public void Create_ScriptNotAnObjectOfHandlers_ReportsCompileError(string script)
    {
        var compilation = ProjectionRunner.Create(script, TestEvents.Generous);

        Assert.False(compilation.Succeeded);
        Assert.Equal(ProjectionErrorKind.Compile, compilation.Error.Kind);
    }

    [Fact]
    public void Create_ListsHandledTypes()
    {
        var runner = TestEvents.Runner("({ $init: () => ({}), $any: s => s, OrderPlaced: s => s, OrderShipped: s => s })");

        Assert.Equal(["OrderPlaced", "OrderShipped"], runner.HandledTypes.Order());
        Assert.True(runner.HandlesEveryEvent);
    }

    [Fact]
    public void Apply_OnErrorSkip_ReportsFailureAndContinues()
    {
        var runner = TestEvents.Runner("({ A: (s, e) => { if (e.data.n === 1) throw new Error('bad ' + e.data.n); s.n = e.data.n; } })",
            onError: ProjectionErrorMode.Skip);

        var results = TestEvents.Many("A", 3).Select(runner.Apply).ToList();

        Assert.Equal([StepOutcome.Applied, StepOutcome.Failed, StepOutcome.Applied], results.Select(r => r.Outcome));
        Assert.Equal("bad 1", results[1].Error!.Message);
        Assert.Equal(1, results[1].Error!.Position!.Value.Offset);
        Assert.Equal("A", results[1].Error!.EventType);
        Assert.Equal("""{"n":2}""", runner.GetState()!.ToJsonString());
        Assert.Single(runner.Errors);
        Assert.False(runner.IsStopped);
    }

    [Fact]
    public void Apply_OnErrorStop_StopsAndRefusesFurtherEvents()
    {
        var runner = TestEvents.Runner("({ A: (s, e) => { throw new TypeError('nope'); } })");

        var result = runner.Apply(TestEvents.Json("A", "{}"));

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(ProjectionErrorKind.Runtime, result.Error!.Kind);
        Assert.True(runner.IsStopped);
        Assert.Throws<InvalidOperationException>(() => runner.Apply(TestEvents.Json("A", "{}", offset: 1)));
    }

    [Fact]
    public void Apply_ThrowingHandler_ReportsJavaScriptStack()
    {
        var runner = TestEvents.Runner("function explode(e) { return e.data.missing.deeper; }\n({ A: (s, e) => { explode(e); } })");

        var error = runner.Apply(TestEvents.Json("A", "{}")).Error!;

        Assert.Contains("explode", error.JsStack);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void GetState_StateReplacedByPrimitive_ReturnsThatValue()
    {
        var runner = TestEvents.Run("({ $init: () => 0, A: (s) => s + 1 })", TestEvents.Many("A", 4));

        Assert.Equal(4, runner.GetState()!.GetValue<int>());
    }

    [Fact]
    public void GetState_ReturnsIndependentSnapshots()
    {
        var runner = TestEvents.Runner("({ $init: () => ({ n: 0 }), A: (s) => { s.n++; } })");
        runner.Apply(TestEvents.Json("A", "{}"));
        var before = runner.GetState();

        runner.Apply(TestEvents.Json("A", "{}", offset: 1));

        Assert.Equal(1, before!["n"]!.GetValue<int>());
        Assert.Equal(2, runner.GetState()!["n"]!.GetValue<int>());
        Assert.IsType<JsonObject>(before);
    }
}
