using System.Net;
using System.Text.Json;

namespace EventObserver.Tests.Api;

public sealed class EventsApiTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task ListEvents_NoFilter_ReturnsAllNewestFirstWithSummaryFields()
    {
        var events = await GetArrayAsync("/api/events");

        Assert.Equal(SeededIndexFixture.SeededCount, events.Count);
        var timestamps = events.Select(e => e.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(timestamps.OrderByDescending(t => t), timestamps);
        var placed = events.Single(e => e.GetProperty("offset").GetInt64() == 1);
        Assert.Equal(SeededIndexFixture.OrdersTopic, placed.GetProperty("topic").GetString());
        Assert.Equal(0, placed.GetProperty("partition").GetInt32());
        Assert.Equal("shop.orders-v1-0-1", placed.GetProperty("messageId").GetString());
        Assert.Equal("OrderPlaced", placed.GetProperty("type").GetString());
        Assert.Equal("Event", placed.GetProperty("kind").GetString());
        Assert.Equal(SeededIndexFixture.Correlation, placed.GetProperty("correlationId").GetString());
        Assert.Equal("shop.orders-v1-0-0", placed.GetProperty("causationId").GetString());
        Assert.Equal("test-service", placed.GetProperty("source").GetString());
        Assert.Equal("o-1", placed.GetProperty("key").GetString());
        Assert.Equal(Infrastructure.Envelopes.BaseTime.AddSeconds(1), placed.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task ListEvents_CorrelationAndKind_ReturnsOnlyMatchingEvents()
    {
        var events = await GetArrayAsync($"/api/events?correlationId={SeededIndexFixture.Correlation}&kind=event");

        Assert.Equal(["PaymentCharged", "OrderPlaced"], events.Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ListEvents_TopicWithDotsAndDashes_FiltersByTopic()
    {
        var events = await GetArrayAsync($"/api/events?topic={SeededIndexFixture.OrdersTopic}");

        Assert.Equal([2L, 1L, 0L], events.Select(e => e.GetProperty("offset").GetInt64()));
    }

    [Fact]
    public async Task ListEvents_TypeKeyAndCausation_CombineAsAnd()
    {
        var byType = await GetArrayAsync("/api/events?type=OrderPlaced&key=o-2");
        var byCausation = await GetArrayAsync("/api/events?causationId=shop.payments-0-3");

        Assert.Equal(2L, Assert.Single(byType).GetProperty("offset").GetInt64());
        Assert.Equal("PaymentCharged", Assert.Single(byCausation).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ListEvents_TimeRange_ReturnsEventsInsideIt()
    {
        var from = Uri.EscapeDataString(Infrastructure.Envelopes.BaseTime.AddSeconds(2).ToString("O"));
        var to = Uri.EscapeDataString(Infrastructure.Envelopes.BaseTime.AddSeconds(4).ToString("O"));

        var events = await GetArrayAsync($"/api/events?from={from}&to={to}");

        Assert.Equal([4L, 3L, 2L], events.Select(e => e.GetProperty("offset").GetInt64()));
    }

    [Fact]
    public async Task ListEvents_Limit_CapsTheCountKeepingTheNewest()
    {
        var events = await GetArrayAsync("/api/events?limit=2");

        Assert.Equal([6L, 5L], events.Select(e => e.GetProperty("offset").GetInt64()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("kind=Banana", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-45", "to")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "from")]
    public async Task ListEvents_InvalidParameter_Returns400ProblemNamingIt(string query, string parameter)
    {
        var response = await _client.GetAsync($"/api/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages));
        Assert.NotEmpty(messages.EnumerateArray().Single().GetString()!);
    }

    [Fact]
    public async Task GetEvent_JsonPayloadOnDottedTopic_EmbedsPayloadAsJson()
    {
        var e = await GetObjectAsync($"/api/events/{SeededIndexFixture.OrdersTopic}/0/0");

        Assert.Equal("PlaceOrder", e.GetProperty("type").GetString());
        Assert.Equal("Command", e.GetProperty("kind").GetString());
        Assert.Equal("Json", e.GetProperty("payloadFormat").GetString());
        Assert.Equal("json", e.GetProperty("payloadEncoding").GetString());
        Assert.Equal(JsonValueKind.Object, e.GetProperty("payload").ValueKind);
        Assert.Equal(2, e.GetProperty("payload").GetProperty("items")[0].GetProperty("qty").GetInt32());
        Assert.Equal("CreateTime", e.GetProperty("timestampType").GetString());
        Assert.Equal("Text", e.GetProperty("keyFormat").GetString());
        var headers = e.GetProperty("headers").EnumerateArray().ToList();
        Assert.Equal(["correlation-id", "empty"], headers.Select(h => h.GetProperty("key").GetString()));
        Assert.Equal(SeededIndexFixture.Correlation, headers[0].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, headers[1].GetProperty("base64").ValueKind);
        Assert.True(e.GetProperty("size").GetInt32() > 0);
    }

    [Fact]
    public async Task GetEvent_BinaryPayload_GivesBase64AndKeepsBinaryHeadersExact()
    {
        var e = await GetObjectAsync($"/api/events/{SeededIndexFixture.OddTopic}/0/5");

        Assert.Equal("Binary", e.GetProperty("payloadFormat").GetString());
        Assert.Equal("base64", e.GetProperty("payloadEncoding").GetString());
        Assert.Equal(SeededIndexFixture.BinaryPayload, Convert.FromBase64String(e.GetProperty("payload").GetString()!));
        Assert.Equal(SeededIndexFixture.BinaryPayload.Length, e.GetProperty("size").GetInt32());
        Assert.Equal("Hex", e.GetProperty("keyFormat").GetString());
        Assert.True(e.GetProperty("messageIdDerived").GetBoolean());
        var raw = e.GetProperty("headers")[0];
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("value").ValueKind);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, Convert.FromBase64String(raw.GetProperty("base64").GetString()!));
        Assert.Equal("abc", e.GetProperty("headers")[1].GetProperty("value").GetString());
    }

    [Fact]
    public async Task GetEvent_Tombstone_HasNullPayload()
    {
        var e = await GetObjectAsync($"/api/events/{SeededIndexFixture.OddTopic}/0/6");

        Assert.Equal("Tombstone", e.GetProperty("payloadFormat").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("payload").ValueKind);
        Assert.Equal(0, e.GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData("shop.orders-v1/0/999")]
    [InlineData("no-such.topic/0/0")]
    [InlineData("shop.orders-v1/1/0")]
    public async Task GetEvent_Absent_Returns404Problem(string position)
    {
        var response = await _client.GetAsync($"/api/events/{position}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(position, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvent_NonNumericOffset_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/events/shop.orders-v1/0/latest");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonElement>> GetArrayAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        return [.. root.EnumerateArray()];
    }

    private async Task<JsonElement> GetObjectAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
