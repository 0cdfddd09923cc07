using System.Net;
using System.Text.Json;

using EventObserver.Shared;

namespace EventObserver.Tests.Shared;

/// <summary>
/// The lineage, flow map and conventions endpoints read through their query services (<see cref="IndexReads"/>): before
/// any index is open they answer as over an empty index; a read that fails is a 500 problem that keeps the error's text
/// (file names, internals) in the server log.
/// </summary>
public sealed class QueryServiceAnswersTests(QueryServiceApps apps) : IClassFixture<QueryServiceApps>
{
    [Theory]
    [InlineData("/api/events/orders/0/0/lineage")]
    [InlineData("/api/correlations/order-1")]
    public async Task Lineage_NoIndexYet_Returns404Problem(string url)
    {
        var response = await apps.WithoutIndex.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/flows?window=1h", "eventsRead")]
    [InlineData("/api/conventions?window=1h", "read")]
    public async Task WindowChecks_NoIndexYet_ReadNothingOverTheWindow(string url, string readProperty)
    {
        var response = await apps.WithoutIndex.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, body.GetProperty(readProperty).GetInt64());
        Assert.Equal(TimeSpan.FromHours(1), body.GetProperty("to").GetDateTimeOffset() - body.GetProperty("from").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("/api/events/orders/0/0/lineage")]
    [InlineData("/api/correlations/order-1")]
    [InlineData("/api/flows")]
    [InlineData("/api/conventions")]
    public async Task FeatureEndpoint_IndexReadFails_Returns500ProblemWithoutTheErrorText(string url)
    {
        var response = await apps.WithBrokenIndex.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("index.db", body, StringComparison.Ordinal);
    }
}
