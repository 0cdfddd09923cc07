using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>
/// Built-ins that build one string in a single native call (issue 16, finding 4): refused before they allocate past the
/// sandbox's string length, and otherwise giving exactly what the native ones give.
/// </summary>
public sealed class SandboxStringGuardsTests
{
    private const long Megabyte = 1024 * 1024;

    // 16 MB per call: strings of at most 4,194,304 characters; statements enough for the guards' own loops.
    private static readonly ProjectionLimits Limits = TestEvents.Tight with { MaxStatementsPerCall = 10_000_000, MaxArrayLength = 1_000_000 };

    [Theory]
    [InlineData("JSON.stringify(Array(60).fill(big))")]
    [InlineData("Array(60).fill(big).join('')")]
    [InlineData("String(Array(60).fill(big))")]
    [InlineData("Array(60).fill(big).toLocaleString()")]
    [InlineData("big.concat(big, big)")]
    [InlineData("`${big}${big}${big}`")]
    [InlineData("'ab'.repeat(5000).replaceAll('b', '$`')")]
    [InlineData("'x'.repeat(100000).replace(/x/g, 'y'.repeat(100))")]
    [InlineData("new Intl.ListFormat('en').format(Array(60).fill(big))")]
    [InlineData("String.raw({ raw: Array(60).fill(big) })")]
    [InlineData("'x'.repeat(2 ** 28)")]
    [InlineData("encodeURIComponent('\u20ac'.repeat(1000000))")]
    [InlineData("'\uFDFA'.repeat(300000).normalize('NFKD')")]
    [InlineData("'x'.anchor('\"'.repeat(1000000))")]
    [InlineData("JSON.parse('\"' + 'x'.repeat(1000000) + '\"')")]
    public void Apply_BuiltInThatWouldBuildAHugeString_IsRefusedBeforeAllocatingIt(string expression)
    {
        var runner = TestEvents.Runner($"const big = 'x'.repeat(4 * 1024 * 1024); ({{ A: (s) => {{ s.length = ({expression}).length; }} }})", Limits);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var result = runner.Apply(TestEvents.Json("A", "{}"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        // Refused by a guard before building (a RangeError), or by the per-call limit while building in pieces.
        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.True(result.Error!.Kind is ProjectionErrorKind.Runtime or ProjectionErrorKind.Memory, result.Error.ToString());
        Assert.Contains("memory budget", result.Error.Message);
        Assert.True(allocated < 64 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Theory]
    [InlineData("[1, null, undefined, 'a', [2, [3]]].join('-')", "1---a-2,3")]
    [InlineData("(() => { const a = [1]; a.push(a); return a.join(); })()", "1,")]
    [InlineData("Array.prototype.join.call({ length: 2, 0: 'x', 1: 'y' }, '+')", "x+y")]
    [InlineData("String([1, [2, 3]])", "1,2,3")]
    [InlineData("'a'.concat(1, null, [2, 3])", "a1null2,3")]
    [InlineData("'abc'.replace('b', '[$&|$`|$\\'|$$]')", "a[b|a|c|$]c")]
    [InlineData("'2024-01-02'.replace(/(\\d+)-(\\d+)-(\\d+)/, '$3/$2/$1')", "02/01/2024")]
    [InlineData("'ab'.replace(/(?<first>a)/, '[$<first>]')", "[a]b")]
    [InlineData("'a.b.c'.replaceAll('.', '$&$&')", "a..b..c")]
    [InlineData("'aXbX'.replace(/X/g, (m, at) => at)", "a1b3")]
    [InlineData("JSON.stringify({ b: 1, a: [1, 'x', null], c: undefined })", """{"b":1,"a":[1,"x",null]}""")]
    [InlineData("JSON.stringify({ a: 1, b: { a: 2, c: 3 }, c: 4 }, ['c', 'a'])", """{"c":4,"a":1}""")]
    [InlineData("JSON.stringify({ a: { c: 1, a: 2 } }, ['a', 'c'])", """{"a":{"a":2,"c":1}}""")]
    [InlineData("JSON.stringify({ a: 1, b: [2] }, (k, v) => typeof v === 'number' ? v * 2 : v)", """{"a":2,"b":[4]}""")]
    [InlineData("JSON.stringify({ a: [1] }, null, 1)", "{\n \"a\": [\n  1\n ]\n}")]
    [InlineData("JSON.stringify({ x: { toJSON() { return 5; } } })", """{"x":5}""")]
    [InlineData("JSON.parse('{\"a\":[1,2]}', (k, v) => Array.isArray(v) ? v.length : v).a", "2")]
    [InlineData("`${1}-${'a'}-${null}-${[1, 2]}`", "1-a-null-1,2")]
    [InlineData("`a${`b${1}c${2}`}d${3}`", "ab1c2d3")]
    [InlineData("`\\n${1}\\`${2}\\${x}`", "\n1`2${x}")]
    [InlineData("String.raw`a${1}\\n${2}`", "a1\\n2")]
    [InlineData("encodeURIComponent('a b\u20ac')", "a%20b%E2%82%AC")]
    [InlineData("'straße'.toUpperCase()", "STRASSE")]
    [InlineData("'x'.anchor('a\"b')", "<a name=\"a&quot;b\">x</a>")]
    [InlineData("new Intl.ListFormat('en').format(['a', 'b', 'c'])", "a, b, and c")]
    public void Apply_GuardedBuiltIn_GivesWhatTheNativeOneGives(string expression, string expected)
    {
        Assert.Equal(expected, Evaluate(expression));
    }

    [Fact]
    public void Apply_ReplacementWhoseBoundIsOverTheLimit_IsCountedPerMatchAndStillCorrect()
    {
        // Bounds of 18 and 27 million characters: these take the counted path and still give the native result.
        Assert.Equal(new string('a', 9000), Evaluate("('a'.repeat(3000) + 'b').replace('b', '$`$`')"));
        Assert.Equal(new string('x', 3000) + "ba" + new string('x', 3000), Evaluate("('x'.repeat(3000) + 'ab').replace(/(a)(b)/, '$2$1$`')"));
        Assert.Equal(new string('x', 3000) + "[a]", Evaluate("('x'.repeat(3000) + 'a').replace(/(?<g>a)/, '[$<g>]' + '$$'.repeat(0))"));
    }

    [Fact]
    public void Apply_ErrorAfterAMultiLineTemplate_KeepsItsLine()
    {
        var runner = TestEvents.Runner("""
            ({
              A: (s, e) => {
                const text = `first ${e.type}
                  second ${e.offset}`;
                throw new Error(text);
              },
            })
            """, Limits);

        var error = runner.Apply(TestEvents.Json("A", "{}")).Error!;

        Assert.Equal(5, error.Line);
        Assert.Contains("second 0", error.Message);
    }

    private static string Evaluate(string expression)
    {
        var runner = TestEvents.Runner($"({{ A: (s) => ({{ v: String({expression}) }}) }})", Limits);
        var result = runner.Apply(TestEvents.Json("A", "{}"));
        Assert.True(result.Outcome == StepOutcome.Applied, result.Error?.ToString());
        return runner.GetState()!["v"]!.GetValue<string>();
    }
}
