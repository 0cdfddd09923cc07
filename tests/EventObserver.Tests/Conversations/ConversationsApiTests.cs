using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.TestSupport.Conversations;

using Microsoft.AspNetCore.Mvc;

using static EventObserver.TestSupport.Conversations.ConversationSamples;

namespace EventObserver.Tests.Conversations;

/// <summary><c>/api/processes</c> in the real app (Local mode, API keys) over a fake conversation view.</summary>
public sealed class ConversationsApiTests(ConversationsApiFixture fixture) : IClassFixture<ConversationsApiFixture>
{
    [Fact]
    public async Task GetProcesses_Admin_ListsProcessesWithCountsDeadlineAndTrackerState()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/processes?window=6h");

        Assert.True(list.GetProperty("enabled").GetBoolean());
        Assert.Equal("6h", list.GetProperty("window").GetString());
        Assert.Equal(TimeSpan.FromHours(6), fixture.View.LastWindow);
        Assert.Equal(3, list.GetProperty("tracked").GetInt64());
        Assert.Equal(100_000, list.GetProperty("capacity").GetInt32());
        Assert.Equal(7, list.GetProperty("overflowed").GetInt64());
        var processes = list.GetProperty("processes");
        Assert.Equal([Shop, Ledger], processes.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var shop = processes[0];
        Assert.Equal("Configured", shop.GetProperty("deadlineSource").GetString());
        Assert.Equal(120, shop.GetProperty("withinSeconds").GetDouble());
        Assert.Equal("2 min, configured", shop.GetProperty("deadline").GetString());
        Assert.Equal(["OrderCompleted"], shop.GetProperty("doneTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal((40, 30, 4, 1, 2), (shop.GetProperty("started").GetInt64(), shop.GetProperty("completed").GetInt64(),
            shop.GetProperty("failed").GetInt64(), shop.GetProperty("open").GetInt64(), shop.GetProperty("stuck").GetInt64()));
        Assert.Equal((1500, 9000), (shop.GetProperty("durationP50Ms").GetInt64(), shop.GetProperty("durationP95Ms").GetInt64()));
        Assert.Equal([1, 2], shop.GetProperty("stuckOverTime").EnumerateArray().Select(p => p.GetProperty("stuck").GetInt32()));
        Assert.Equal("conversations?process=PlaceOrder", shop.GetProperty("href").GetString());
        Assert.Equal("suggested 45 s from p99 of 312 completed", processes[1].GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task GetConversations_Default_IsStuckThenOpenWithLastMessageWhereItStoppedAndLinks()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/processes/{Shop}/conversations");

        Assert.Equal(JsonValueKind.Null, list.GetProperty("status").ValueKind);
        Assert.Equal(100, list.GetProperty("limit").GetInt32());
        var conversations = list.GetProperty("conversations");
        Assert.Equal(["order-stuck", "order-secret", "order-open"], conversations.EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var stuck = conversations[0];
        Assert.Equal("Stuck", stuck.GetProperty("status").GetString());
        var age = stuck.GetProperty("ageSeconds").GetDouble();
        Assert.InRange(age, 300, 300 + (DateTimeOffset.UtcNow - fixture.Now).TotalSeconds + 1);
        Assert.Equal(fixture.Now.AddMinutes(-3), stuck.GetProperty("stuckSince").GetDateTimeOffset());
        Assert.Equal(fixture.Now.AddMinutes(-3), stuck.GetProperty("dueAt").GetDateTimeOffset());
        var last = stuck.GetProperty("last");
        Assert.Equal(("ShipOrder", "order-service", "shop.shipping", "shop.shipping/0/42"),
            (last.GetProperty("type").GetString(), last.GetProperty("source").GetString(), last.GetProperty("topic").GetString(), last.GetProperty("eventId").GetString()));
        Assert.Equal("ShipOrder never answered by shipping-service", stuck.GetProperty("whereStopped").GetString());
        Assert.Equal(0.97, stuck.GetProperty("expected").GetProperty("share").GetDouble());
        Assert.Equal("shipping-service", stuck.GetProperty("expected").GetProperty("source").GetString());
        Assert.Equal("lineage?correlation=order-stuck", stuck.GetProperty("links").GetProperty("lineage").GetString());
        Assert.Equal("replay?correlationId=order-stuck", stuck.GetProperty("links").GetProperty("replay").GetString());
        Assert.Equal(JsonValueKind.Null, conversations[2].GetProperty("expected").ValueKind);
        Assert.Equal("stopped after OrderPlaced", conversations[2].GetProperty("whereStopped").GetString());
    }

    [Theory]
    [InlineData("completed", "order-done")]
    [InlineData("COMPLETED", "order-done")]
    [InlineData("open", "order-open")]
    public async Task GetConversations_Status_ListsOnlyThatStatus(string status, string key)
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/processes/{Shop}/conversations?status={status}");

        Assert.Equal(status.ToLowerInvariant(), list.GetProperty("status").GetString());
        Assert.Equal([key], list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task GetConversations_Limit_IsPassedToTheViewAndBoundsTheList()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/processes/{Shop}/conversations?limit=1");

        Assert.Equal(1, fixture.View.LastLimit);
        Assert.Equal(["order-stuck"], list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var late = (await admin.GetFromJsonAsync<JsonElement>($"/api/processes/{Shop}/conversations?status=completed")).GetProperty("conversations")[0];
        Assert.True(late.GetProperty("lateCompletion").GetBoolean());
    }

    [Theory]
    [InlineData("/api/processes?window=forever", "window")]
    [InlineData("/api/processes?window=30d", "window")]
    [InlineData("/api/processes/PlaceOrder/conversations?status=late", "status")]
    [InlineData("/api/processes/PlaceOrder/conversations?status=3", "status")]
    [InlineData("/api/processes/PlaceOrder/conversations?limit=0", "limit")]
    [InlineData("/api/processes/PlaceOrder/conversations?limit=1001", "limit")]
    [InlineData("/api/processes/PlaceOrder/conversations?limit=ten", "limit")]
    public async Task Get_BadParameter_Is400NamingIt(string url, string parameter)
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal([parameter], problem!.Errors.Keys);
    }

    [Fact]
    public async Task GetConversations_UnknownProcess_Is404()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        using var response = await admin.GetAsync("/api/processes/NoSuchProcess/conversations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No process 'NoSuchProcess' is known.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProcesses_ViewerRestrictedToShopTopics_SeesOnlyProcessesWhoseEveryTopicIsReadable()
    {
        using var viewer = fixture.Client(ConversationsApiFixture.ViewerKey);

        var body = await viewer.GetStringAsync("/api/processes");

        var names = JsonDocument.Parse(body).RootElement.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal([Shop], names);
        Assert.DoesNotContain(Ledger, body, StringComparison.Ordinal);
        Assert.DoesNotContain("vault", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetConversations_ViewerRestrictedToShopTopics_HiddenProcessAnswersLikeAnUnknownOne()
    {
        using var viewer = fixture.Client(ConversationsApiFixture.ViewerKey);

        using var hidden = await viewer.GetAsync($"/api/processes/{Ledger}/conversations");
        using var unknown = await viewer.GetAsync("/api/processes/NoSuchProcess/conversations");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var hiddenProblem = await hidden.Content.ReadFromJsonAsync<ProblemDetails>();
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(unknownProblem!.Title, hiddenProblem!.Title);
        Assert.Equal(unknownProblem.Detail!.Replace("NoSuchProcess", Ledger, StringComparison.Ordinal), hiddenProblem.Detail);
    }

    [Fact]
    public async Task GetConversations_ViewerRestrictedToShopTopics_LeavesOutConversationsTouchingAHiddenTopic()
    {
        using var viewer = fixture.Client(ConversationsApiFixture.ViewerKey);
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var body = await viewer.GetStringAsync($"/api/processes/{Shop}/conversations?status=stuck");
        var adminBody = await admin.GetStringAsync($"/api/processes/{Shop}/conversations?status=stuck");

        Assert.Contains("order-stuck", body, StringComparison.Ordinal);
        Assert.DoesNotContain("order-secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("vault", body, StringComparison.Ordinal);
        Assert.Contains("order-secret", adminBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/processes")]
    [InlineData("/api/processes/PlaceOrder/conversations")]
    public async Task Get_Anonymous_Is401(string url)
    {
        using var anonymous = fixture.Client(null);

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
