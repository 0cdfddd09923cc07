using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>Hostile scripts: each must end with the right error kind, quickly, and leave the process alive.</summary>
public sealed class ProjectionSandboxTests
{
    private static ProjectionError FailOnFirstEvent(string handlerBody, ProjectionLimits? limits = null)
    {
        var runner = TestEvents.Runner($"({{ A: (s, e) => {{ {handlerBody} }} }})", limits ?? TestEvents.Tight);

        var result = runner.Apply(TestEvents.Json("A", """{"n":1}"""));

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        return result.Error!;
    }

    [Fact]
    public void Apply_EndlessLoop_StopsAtTimeout()
    {
        var limits = TestEvents.Tight with { TimeoutPerCall = TimeSpan.FromMilliseconds(50), MaxStatementsPerCall = int.MaxValue };

        var error = FailOnFirstEvent("while (true) {}", limits);

        Assert.Equal(ProjectionErrorKind.Timeout, error.Kind);
        Assert.Equal("A", error.EventType);
    }

    [Fact]
    public void Apply_EndlessLoop_StopsAtStatementLimit()
    {
        Assert.Equal(ProjectionErrorKind.StatementLimit, FailOnFirstEvent("let i = 0; while (true) { i++; }").Kind);
    }

    [Fact]
    public void Apply_MemoryBomb_StopsAtMemoryLimit()
    {
        var limits = TestEvents.Tight with { MaxStatementsPerCall = int.MaxValue };

        Assert.Equal(ProjectionErrorKind.Memory, FailOnFirstEvent("let a = []; while (true) a.push('x'.repeat(1e6));", limits).Kind);
    }

    [Fact]
    public void Apply_HugeArray_IsRefusedBeforeAllocating()
    {
        Assert.Equal(ProjectionErrorKind.Memory, FailOnFirstEvent("const a = new Array(1e9).fill(0);").Kind);
    }

    [Theory]
    [InlineData("'x'.repeat(2 ** 28)")]
    [InlineData("'x'.padEnd(2 ** 28)")]
    [InlineData("'x'.padStart(2 ** 28, 'y')")]
    public void Apply_OneCallStringBomb_IsRefused(string expression)
    {
        var error = FailOnFirstEvent($"s.big = {expression};");

        Assert.Equal(ProjectionErrorKind.Runtime, error.Kind);
        Assert.Contains("Invalid string length", error.Message);
    }

    [Fact]
    public void Apply_DeepRecursion_StopsAtRecursionLimit()
    {
        Assert.Equal(ProjectionErrorKind.Recursion, FailOnFirstEvent("const f = n => f(n + 1) + 1; f(0);").Kind);
    }

    [Fact]
    public void Apply_StringifyOfDeeplyNestedObject_IsCaughtByTheStackGuard()
    {
        // Without Jint's native stack guard this kills the process with a stack overflow. Building 200,000 objects
        // can take seconds on a loaded machine: the timeout must not answer before the stack guard does.
        var limits = TestEvents.Tight with
        {
            MaxStatementsPerCall = 10_000_000, MaxMemoryBytesPerCall = 256L * 1024 * 1024, TimeoutPerCall = TimeSpan.FromSeconds(60),
        };

        var error = FailOnFirstEvent("let o = {}; for (let i = 0; i < 200000; i++) o = { a: o }; JSON.stringify(o);", limits);

        Assert.Equal(ProjectionErrorKind.Recursion, error.Kind);
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("Function('return this')()")]
    [InlineData("this.constructor.constructor('return this')()")]
    [InlineData("e.constructor.constructor('return process')()")]
    [InlineData("Object.getPrototypeOf(async function () {}).constructor('return 1')")]
    [InlineData("Object.getPrototypeOf(function* () {}).constructor('yield 1')")]
    [InlineData("(() => {}).constructor('return globalThis')()")]
    public void Apply_StringCompilation_IsRefused(string expression)
    {
        var error = FailOnFirstEvent($"return {expression};");

        Assert.Equal(ProjectionErrorKind.Runtime, error.Kind);
        Assert.Contains("String compilation has been disabled", error.Message);
    }

    [Fact]
    public void Apply_ProbesForHostObjects_FindNothing()
    {
        var runner = TestEvents.Run("""
            ({ A: (s, e) => ({
              types: [typeof System, typeof importNamespace, typeof clr, typeof host, typeof require, typeof process,
                typeof module, typeof exports, typeof window, typeof Packages, typeof java, typeof ArrayBuffer,
                typeof SharedArrayBuffer, typeof Uint8Array, typeof WeakRef, typeof ShadowRealm].join(','),
              globals: Object.getOwnPropertyNames(globalThis).join(','),
              eventProto: Object.getPrototypeOf(e) === Object.prototype,
              stateProto: Object.getPrototypeOf(Object.getPrototypeOf(s)) === null,
            }) })
            """, [TestEvents.Json("A", "{}")], TestEvents.Tight);
        var state = runner.GetState()!;

        Assert.Equal(string.Join(',', Enumerable.Repeat("undefined", 16)), state["types"]!.GetValue<string>());
        var globals = state["globals"]!.GetValue<string>().Split(',');
        Assert.DoesNotContain(globals, g => g is "System" or "importNamespace" or "clr" or "host" or "require" or "process" or "ArrayBuffer");
        Assert.True(state["eventProto"]!.GetValue<bool>());
        Assert.True(state["stateProto"]!.GetValue<bool>());
    }

    [Fact]
    public void Apply_StateThatKeepsGrowing_StopsAtStateCap()
    {
        var runner = TestEvents.Runner("({ $init: () => ({ items: [] }), A: (s, e) => { s.items.push('item number ' + e.data.n); } })", TestEvents.Tight);

        var results = TestEvents.Many("A", 5000).Select(runner.Apply).TakeWhile(_ => !runner.IsStopped).ToList();
        var failure = runner.Errors.Single();

        Assert.Equal(ProjectionErrorKind.StateTooLarge, failure.Kind);
        Assert.True(runner.Processed < 5000);
        Assert.NotNull(failure.Position);
    }

    [Fact]
    public void Apply_StateGrowingThroughSharedReferences_StopsAtStateCap()
    {
        // Pushing the same string allocates almost nothing, so only the periodic exact measure can catch it.
        var runner = TestEvents.Runner("const big = 'x'.repeat(2000); ({ $init: () => ({ items: [] }), A: (s) => { s.items.push(big); } })", TestEvents.Tight);

        foreach (var envelope in TestEvents.Many("A", 200))
        {
            if (runner.Apply(envelope).Outcome == StepOutcome.Failed)
            {
                break;
            }
        }

        Assert.Equal(ProjectionErrorKind.StateTooLarge, runner.Errors.Single().Kind);
    }

    [Fact]
    public void Create_EndlessLoopInInit_FailsWithTimeout()
    {
        var limits = TestEvents.Tight with { TimeoutPerCall = TimeSpan.FromMilliseconds(50), MaxStatementsPerCall = int.MaxValue };

        var compilation = ProjectionRunner.Create("({ $init: () => { while (true) {} }, A: s => s })", limits);

        Assert.False(compilation.Succeeded);
        Assert.Equal(ProjectionErrorKind.Timeout, compilation.Error.Kind);
    }

    [Fact]
    public void Apply_EndlessLoopInPartitionInit_FailsTheEvent()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => e.key }); ({ $init: () => { for (;;) {} }, A: s => s })", TestEvents.Tight);

        var result = runner.Apply(TestEvents.Json("A", "{}", key: "k"));

        Assert.Equal(ProjectionErrorKind.StatementLimit, result.Error!.Kind);
        Assert.Equal("k", result.Error.PartitionKey);
    }

    [Fact]
    public void Apply_PartitionKeyWithLoopingToString_FailsTheEvent()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => ({ toString() { for (;;) {} } }) }); ({ A: s => s })", TestEvents.Tight);

        Assert.Equal(ProjectionErrorKind.StatementLimit, runner.Apply(TestEvents.Json("A", "{}")).Error!.Kind);
    }

    [Fact]
    public void Create_EndlessLoopAtTopLevel_FailsWithStatementLimit()
    {
        var compilation = ProjectionRunner.Create("while (true) {}", TestEvents.Tight);

        Assert.Equal(ProjectionErrorKind.StatementLimit, compilation.Error!.Kind);
    }

    [Theory]
    [InlineData("throw 'boom';", "Uncaught boom")]
    [InlineData("throw 42;", "Uncaught 42")]
    [InlineData("throw { code: 42 };", """Uncaught {"code":42}""")]
    [InlineData("throw null;", "Uncaught null")]
    [InlineData("throw new RangeError('out of range');", "out of range")]
    public void Apply_ThrownValues_AreDescribed(string body, string message)
    {
        var error = FailOnFirstEvent(body);

        Assert.Equal(ProjectionErrorKind.Runtime, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Apply_ThrownObjectWithLoopingGetters_StillEnds()
    {
        var error = FailOnFirstEvent("throw { get message() { for (;;) {} }, toString() { for (;;) {} }, toJSON() { for (;;) {} } };");

        Assert.NotEqual(ProjectionErrorKind.Compile, error.Kind);
    }

    [Fact]
    public void GetState_StateWithLoopingGetter_ThrowsStateException()
    {
        var runner = TestEvents.Runner("({ A: (s) => ({ get x() { for (;;) {} } }) })", TestEvents.Tight with { StateCheckInterval = 1_000 });
        runner.Apply(TestEvents.Json("A", "{}"));

        var ex = Assert.Throws<ProjectionStateException>(() => runner.GetState());

        Assert.Equal(ProjectionErrorKind.StatementLimit, ex.Error.Kind);
    }

    [Fact]
    public void GetState_CyclicState_ThrowsStateException()
    {
        var runner = TestEvents.Runner("({ A: (s) => { s.self = s; } })", TestEvents.Tight with { StateCheckInterval = 1_000 });
        runner.Apply(TestEvents.Json("A", "{}"));

        var ex = Assert.Throws<ProjectionStateException>(() => runner.GetState());

        Assert.Contains("Cyclic", ex.Error.Message);
    }

    [Fact]
    public void Apply_CatastrophicRegex_StopsAtTimeout()
    {
        var limits = TestEvents.Tight with { TimeoutPerCall = TimeSpan.FromMilliseconds(50) };

        Assert.Equal(ProjectionErrorKind.Timeout, FailOnFirstEvent("return /(a+)+$/.test('a'.repeat(40) + 'b');", limits).Kind);
    }

    [Fact]
    public void Apply_TooManyPartitions_Fails()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => 'p' + e.data.n }); ({ A: s => s })", TestEvents.Tight with { MaxPartitions = 3 });

        var outcomes = TestEvents.Many("A", 4).Select(runner.Apply).ToList();

        Assert.Equal(ProjectionErrorKind.TooManyPartitions, outcomes[3].Error!.Kind);
        Assert.Equal(3, runner.PartitionKeys.Count);
    }

    [Fact]
    public void Apply_PrototypePollution_StaysInsideTheRun()
    {
        var hostile = TestEvents.Runner("({ A: (s) => { Object.prototype.polluted = 'yes'; Array.prototype.push = null; } })", TestEvents.Tight);
        hostile.Apply(TestEvents.Json("A", "{}"));

        var clean = TestEvents.Run("({ A: (s) => { s.polluted = ({}).polluted === undefined ? 'no' : 'yes'; s.list = []; s.list.push(1); } })",
            [TestEvents.Json("A", "{}")]);

        Assert.Equal("""{"polluted":"no","list":[1]}""", clean.GetState()!.ToJsonString());
    }
}
