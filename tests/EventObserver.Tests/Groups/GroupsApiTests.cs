using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Features.Groups;

using Microsoft.AspNetCore.Mvc;

namespace EventObserver.Tests.Groups;

/// <summary><c>/api/groups</c> in the real app (Local mode, API keys) over a stub group view and reset service.</summary>
public sealed class GroupsApiTests(GroupsApiFixture fixture) : IClassFixture<GroupsApiFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task GetGroups_Admin_ListsEveryGroupWithTotalsSourceAndSparkline()
    {
        using var admin = fixture.Client(GroupsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<GroupListDto>("/api/groups?sort=lag&desc=true", Json);

        Assert.Equal(GroupsApiFixture.Source, list!.Source);
        Assert.Equal(["analytics", "ledger-writer"], list.Groups.Select(g => g.GroupId));
        var analytics = list.Groups[0];
        Assert.Equal(5090, analytics.TotalLag);
        Assert.Null(analytics.Members);
        Assert.Equal(["shop.orders", "vault.ledger"], analytics.Topics);
        Assert.Equal([5070L, 5090L], analytics.Sparkline.Select(p => p.TotalLag));
        Assert.Equal(1, list.Groups[1].Members);
    }

    [Fact]
    public async Task GetGroups_ViewerRestrictedToShopTopics_SeesOnlyReadablePartitionsWithRecomputedTotals()
    {
        using var viewer = fixture.Client(GroupsApiFixture.ViewerKey);

        var listBody = await viewer.GetStringAsync("/api/groups");
        var detail = await viewer.GetFromJsonAsync<GroupDetailDto>("/api/groups/analytics", Json);
        using var hidden = await viewer.GetAsync("/api/groups/ledger-writer");

        var list = JsonSerializer.Deserialize<GroupListDto>(listBody, Json)!;
        var analytics = Assert.Single(list.Groups);
        Assert.Equal("analytics", analytics.GroupId);
        Assert.Equal(90, analytics.TotalLag);
        Assert.Equal(130, analytics.MaxTimeLagSeconds);
        Assert.Empty(analytics.Sparkline);
        Assert.DoesNotContain("vault", listBody, StringComparison.Ordinal);
        Assert.Equal(["shop.orders/0", "shop.orders/1"], detail!.Partitions.Select(p => $"{p.Topic}/{p.Partition}"));
        Assert.Equal(90, detail.TotalLag);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task GetGroup_Admin_HasPartitionsWithStatusTextTopicsHistoryAndSource()
    {
        using var admin = fixture.Client(GroupsApiFixture.AdminKey);

        var detail = await admin.GetFromJsonAsync<GroupDetailDto>("/api/groups/analytics", Json);

        Assert.False(detail!.MembersKnown);
        Assert.Equal(GroupsApiFixture.Source, detail.Source);
        Assert.NotNull(detail.RefreshedAt);
        Assert.Equal(
            ["behind: age of the first uncommitted event", "caught up", "first uncommitted event no longer indexed"],
            detail.Partitions.Select(p => p.Status));
        Assert.Equal(TimeLagStatus.NoLongerIndexed, detail.Partitions[2].TimeLagStatus);
        Assert.Equal([90L, 5000L], detail.Topics.Select(t => t.Lag));
        Assert.Equal(2, detail.History.Length);
    }

    [Fact]
    public async Task GetGroups_BadSort_Is400NamingTheParameter()
    {
        using var admin = fixture.Client(GroupsApiFixture.AdminKey);

        using var response = await admin.GetAsync("/api/groups?sort=size");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Contains("sort", problem!.Errors.Keys);
    }

    [Theory]
    [InlineData(GroupsApiFixture.ViewerKey)]
    [InlineData(GroupsApiFixture.OperatorKey)]
    public async Task PostReset_NotAnAdmin_Is403AndWritesNothing(string key)
    {
        using var client = fixture.Client(key);

        using var response = await client.PostAsJsonAsync("/api/groups/analytics/offsets/reset", new { target = "latest" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(fixture.Audit.Entries, e => e.Action == AuditAction.OffsetReset);
    }

    [Theory]
    [InlineData("""{"target":"sideways"}""", "target")]
    [InlineData("""{"target":"time"}""", "time")]
    [InlineData("""{"target":"offset","topic":"shop.orders","offset":-3}""", "offset")]
    [InlineData("""{"target":"latest","partition":1}""", "partition")]
    public async Task PostPreview_BadBody_Is400NamingTheField(string body, string field)
    {
        using var admin = fixture.Client(GroupsApiFixture.AdminKey);

        using var response = await admin.PostAsync("/api/groups/analytics/offsets/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task PostPreview_UnknownGroup_Is404()
    {
        using var admin = fixture.Client(GroupsApiFixture.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/groups/nobody/offsets/preview", new { target = "earliest" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
