using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

public sealed class TemplateLiteralRewriterTests
{
    [Fact]
    public void Rewrite_TwoSubstitutions_CallsTheGuardedHelper()
    {
        var rewritten = TemplateLiteralRewriter.Rewrite("const a = `x${1}y${b + 1}z`;", strict: false);

        Assert.Equal("const a = __eventObserverTemplate(`x`, (1), `y`, (b + 1), `z`);", rewritten);
    }

    [Theory]
    [InlineData("const a = `plain`;")]
    [InlineData("const a = `one ${b}`;")]
    [InlineData("const a = tag`x${1}y${2}z`;")]
    public void Rewrite_NoOrOneSubstitutionOrTagged_LeavesTheSourceAlone(string source)
    {
        Assert.Equal(source, TemplateLiteralRewriter.Rewrite(source, strict: false));
    }

    [Fact]
    public void Rewrite_NestedTemplates_RewritesBoth()
    {
        var rewritten = TemplateLiteralRewriter.Rewrite("`a${`b${1}c${2}`}d${3}`", strict: false);

        Assert.Equal("__eventObserverTemplate(`a`, (__eventObserverTemplate(`b`, (1), `c`, (2), ``)), `d`, (3), ``)", rewritten);
    }

    [Fact]
    public void Rewrite_MultiLineTemplate_KeepsTheLineCount()
    {
        const string source = "const t = `a ${x}\nb ${y}\n`;\nthrow 1;";

        var rewritten = TemplateLiteralRewriter.Rewrite(source, strict: false)!;

        Assert.Equal(source.Count(c => c == '\n'), rewritten.Count(c => c == '\n'));
    }

    [Fact]
    public void Rewrite_TemplatesNestedTooDeep_IsRefused()
    {
        var source = string.Concat(Enumerable.Repeat("`${1}${", 70)) + "2" + string.Concat(Enumerable.Repeat("}`", 70));

        Assert.Null(TemplateLiteralRewriter.Rewrite(source, strict: false));
    }
}
