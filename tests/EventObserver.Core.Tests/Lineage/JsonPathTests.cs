using System.Text;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Lineage;

public sealed class JsonPathTests
{
    private const string Json = """{"a":{"skip":[1,{"x":2}],"b":{"c":"deep"},"n":12.5,"t":true,"o":{}},"list":[{"id":"zero"},{"id":"one"}],"e\u0073c":"escaped"}""";

    [Theory]
    [InlineData("$.a.b.c", "deep")]
    [InlineData("a.b.c", "deep")]
    [InlineData("$.a.n", "12.5")]
    [InlineData("$.a.t", "true")]
    [InlineData("$.list[1].id", "one")]
    [InlineData("list[0].id", "zero")]
    [InlineData("$.esc", "escaped")]
    public void TryRead_ExistingPath_ReturnsScalar(string path, string expected)
    {
        var compiled = JsonPath.TryParse(path);

        Assert.NotNull(compiled);
        Assert.Equal(expected, JsonPathReader.TryRead(Encoding.UTF8.GetBytes(Json), compiled));
    }

    [Theory]
    [InlineData("$.a.missing")]
    [InlineData("$.a.o")]
    [InlineData("$.list[5].id")]
    [InlineData("$.a.b.c.d")]
    [InlineData("$.a[0]")]
    public void TryRead_MissingOrNonScalar_ReturnsNull(string path)
    {
        Assert.Null(JsonPathReader.TryRead(Encoding.UTF8.GetBytes(Json), JsonPath.TryParse(path)!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("$..a")]
    [InlineData("a[x]")]
    [InlineData("a[0]b")]
    public void TryParse_Malformed_ReturnsNull(string? path)
    {
        Assert.Null(JsonPath.TryParse(path));
    }

    [Theory]
    [InlineData("$.a[*].b")]
    [InlineData("$.a.*")]
    [InlineData("$..b")]
    [InlineData("$..[0]")]
    public void TryParse_WildcardsForLineage_ReturnsNullButMaskingReadsThem(string path)
    {
        Assert.Null(JsonPath.TryParse(path));
        Assert.NotNull(JsonPath.TryParse(path, allowWildcards: true));
    }

    [Theory]
    [InlineData("$.a[*].b", "Property a|AnyElement|Property b")]
    [InlineData("$..cvv", "..Property cvv")]
    [InlineData("$..card.number", "..Property card|Property number")]
    [InlineData("$.card.*", "Property card|AnyProperty")]
    [InlineData("$['a.b'][\"c\"]", "Property a.b|Property c")]
    [InlineData("list[2]", "Property list|Element 2")]
    public void TryParse_Wildcards_GivesTheSteps(string path, string expected)
    {
        var steps = JsonPath.TryParse(path, allowWildcards: true)!.Steps.Select(s =>
            (s.Descendant ? ".." : "") + s.Kind + s.Kind switch
            {
                JsonPathStepKind.Property => " " + s.Name,
                JsonPathStepKind.Element => " " + s.Index,
                _ => "",
            });

        Assert.Equal(expected, string.Join('|', steps));
    }

    [Theory]
    [InlineData("$...a")]
    [InlineData("$.a..")]
    [InlineData("$['a'")]
    [InlineData("$['a']x")]
    [InlineData("$[-1]")]
    public void TryParse_MalformedWildcardPath_ReturnsNull(string path)
    {
        Assert.Null(JsonPath.TryParse(path, allowWildcards: true));
    }

    [Fact]
    public void TryRead_QuotedName_ReadsThatMember()
    {
        Assert.Equal("x", JsonPathReader.TryRead("{\"a.b\":\"x\"}"u8, JsonPath.TryParse("$['a.b']")!));
    }

    [Fact]
    public void TryRead_BrokenJson_ReturnsNull()
    {
        Assert.Null(JsonPathReader.TryRead("{\"a\":{\"b\":"u8, JsonPath.TryParse("a.b")!));
    }
}
