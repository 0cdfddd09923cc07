using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Features.Groups;

using Microsoft.AspNetCore.Mvc;

namespace EventObserver.Tests.Groups;

/// <summary>The offset preview and reset through the API: rows, refusals (409) and the audit log.</summary>
public sealed class GroupsResetApiTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly GroupsApiFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task PostReset_Admin_WritesThePreviewedRowsAndAuditsGroupScopeTargetAndRows()
    {
        _fixture.Reset.Rows = [new OffsetResetRow("shop.orders", 0, 10, 40, 100, 60), new OffsetResetRow("shop.orders", 1, 50, 40, 50, 10, "clamped")];
        using var admin = _fixture.Client(GroupsApiFixture.AdminKey);
        var at = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
        var body = new { target = "time", topic = "shop.orders", time = at };

        var preview = await ReadAsync(await admin.PostAsJsonAsync("/api/groups/analytics/offsets/preview", body));
        var reset = await ReadAsync(await admin.PostAsJsonAsync("/api/groups/analytics/offsets/reset", body));

        Assert.False(preview.Applied);
        Assert.True(reset.Applied);
        Assert.Equal(preview.Rows, reset.Rows);
        Assert.Equal(70, reset.TotalLagAfter);
        Assert.Equal("shop.orders (every partition)", reset.Scope);
        var expected = new OffsetResetRequest("analytics", OffsetResetTarget.Time, "shop.orders", Time: at);
        Assert.Equal(expected, Assert.Single(_fixture.Reset.Applied));
        var entry = Assert.Single(_fixture.Audit.Entries, e => e.Action == AuditAction.OffsetReset);
        Assert.Equal("admin-client", entry.Actor);
        Assert.Equal("analytics", entry.Target);
        Assert.Equal("scope: shop.orders (every partition); target: time 2025-01-31T12:00:00.0000000+00:00; rows: 2; lag after: 70", entry.Detail);
        Assert.True(entry.Succeeded);
        Assert.Equal(1, _fixture.View.RefreshNowCalls);
    }

    [Fact]
    public async Task PostReset_RefusedByTheService_Is409WithTheReasonAndAuditsTheRefusal()
    {
        _fixture.Reset.Refusal = "The group has 1 active member: stop its consumers first.";
        using var admin = _fixture.Client(GroupsApiFixture.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/groups/ledger-writer/offsets/reset", new { target = "earliest" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        Assert.Equal(_fixture.Reset.Refusal, problem!.Detail);
        var entry = Assert.Single(_fixture.Audit.Entries, e => e.Action == AuditAction.OffsetReset);
        Assert.False(entry.Succeeded);
        Assert.Empty(_fixture.Reset.Applied);
    }

    [Fact]
    public async Task PostPreviewAndReset_ResetsDisabled_Is409NamingTheSetting()
    {
        using var disabled = GroupsApiFixture.WithResetsOff();
        using var admin = disabled.Client(GroupsApiFixture.AdminKey);

        using var preview = await admin.PostAsJsonAsync("/api/groups/analytics/offsets/preview", new { target = "latest" });
        using var reset = await admin.PostAsJsonAsync("/api/groups/analytics/offsets/reset", new { target = "latest" });

        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reset.StatusCode);
        var problem = await reset.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        Assert.Contains("EventObserver:Groups:AllowOffsetReset=true", problem!.Detail, StringComparison.Ordinal);
        Assert.Empty(disabled.Reset.Previewed);
        Assert.Empty(disabled.Reset.Applied);
        Assert.False(Assert.Single(disabled.Audit.Entries, e => e.Action == AuditAction.OffsetReset).Succeeded);
    }

    private static async Task<OffsetResetDto> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<OffsetResetDto>(Json))!;
        }
    }
}
