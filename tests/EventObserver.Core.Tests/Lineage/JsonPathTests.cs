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

    [Fact]
    public void TryRead_BrokenJson_ReturnsNull()
    {
        Assert.Null(JsonPathReader.TryRead("{\"a\":{\"b\":"u8, JsonPath.TryParse("a.b")!));
    }
}
