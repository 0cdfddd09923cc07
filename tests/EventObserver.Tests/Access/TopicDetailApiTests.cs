using System.Net;
using System.Text.Json;

using static EventObserver.Tests.Access.AccessAppFixture;

namespace EventObserver.Tests.Access;

/// <summary><c>GET /api/topics/{name}</c> for a restricted viewer and an admin over the access app's index.</summary>
[Collection(AccessAppCollection.Name)]
public sealed class TopicDetailApiTests(AccessAppFixture app)
{
    [Fact]
    public async Task TopicDetail_ReadableTopic_Is200WithIndexedRangeAndProducers()
    {
        using var client = app.ClientFor(Viewer);

        var response = await client.GetAsync($"/api/topics/{OrdersTopic}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Leaks.AssertNone(body, "topic detail");
        var topic = JsonDocument.Parse(body).RootElement;
        Assert.Equal(OrdersTopic, topic.GetProperty("name").GetString());
        Assert.Equal(2, topic.GetProperty("indexed").GetInt64());
        var partition = Assert.Single(topic.GetProperty("partitionDetails").EnumerateArray());
        Assert.Equal((0L, 1L, 2L), (partition.GetProperty("oldestIndexed").GetInt64(), partition.GetProperty("newestIndexed").GetInt64(), partition.GetProperty("nextToIndex").GetInt64()));
        Assert.Equal(JsonValueKind.Null, partition.GetProperty("leader").ValueKind);
        var producer = Assert.Single(topic.GetProperty("producers").GetProperty("sources").EnumerateArray());
        Assert.Equal(("test-service", 2L), (producer.GetProperty("source").GetString(), producer.GetProperty("events").GetInt64()));
    }

    [Fact]
    public async Task TopicDetail_UnknownTopic_Is404()
    {
        using var client = app.ClientFor(Admin);

        var response = await client.GetAsync("/api/topics/no.such.topic");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TopicDetail_DeniedTopic_Is404ExactlyLikeAnUnknownOne()
    {
        using var client = app.ClientFor(Viewer);
        const string Unknown = "hr.unknown";

        var denied = await client.GetAsync($"/api/topics/{DeniedTopic}");
        var unknown = await client.GetAsync($"/api/topics/{Unknown}");
        var deniedBody = await denied.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Problem(await unknown.Content.ReadAsStringAsync()).Replace(Unknown, DeniedTopic, StringComparison.Ordinal), Problem(deniedBody));
        Leaks.AssertNone(deniedBody, "denied topic detail", namedByCaller: true);
    }

    [Fact]
    public async Task TopicDetail_DeniedTopicAsAdmin_Is200WithItsRetentionGap()
    {
        using var client = app.ClientFor(Admin);

        var topic = JsonDocument.Parse(await client.GetStringAsync($"/api/topics/{DeniedTopic}")).RootElement;

        Assert.Equal(3, topic.GetProperty("indexed").GetInt64());
        Assert.Equal(100, Assert.Single(topic.GetProperty("gaps").EnumerateArray()).GetProperty("count").GetInt64());
    }

    /// <summary>The problem's fields without its trace id, which differs per request.</summary>
    private static string Problem(string body)
    {
        var problem = JsonDocument.Parse(body).RootElement;
        return string.Join('\n', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
