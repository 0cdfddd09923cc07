using System.Net;

using EventObserver.Access;
using EventObserver.Tests.Access;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.Tests.Telemetry;

/// <summary>Who may read <c>/metrics</c>: <c>EventObserver:Metrics:Enabled</c> and <c>:AllowAnonymous</c>.</summary>
public sealed class MetricsAccessTests
{
    private const string ViewerKey = "metrics-viewer-key";
    private const string AdminKey = "metrics-admin-key";
    private const string NoRoleKey = "metrics-no-role-key";

    [Fact]
    public async Task Metrics_ByDefault_AnswersAnonymousScrapesInPrometheusTextFormat()
    {
        using var app = new SeededAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("eventobserver_index_events", scrape.Names);
        Assert.Contains("eventobserver_index_retention_deletions_total", scrape.Names);
    }

    [Fact]
    public async Task Metrics_Disabled_Answers404()
    {
        using var app = new SeededAppFactory(b => b.UseSetting("EventObserver:Metrics:Enabled", "false"));
        using var client = app.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_NotAnonymous_AskForAViewerKey()
    {
        using var app = new SeededAppFactory(b => Protected(b, topicRules: false));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(app, key: null));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, NoRoleKey));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, ViewerKey));
    }

    [Fact]
    public async Task Metrics_NotAnonymousWithTopicRules_OnlyWhoReadsEveryTopic()
    {
        // The labels name every topic: a viewer limited to some topics must not learn the others' names.
        using var app = new SeededAppFactory(b => Protected(b, topicRules: true));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, ViewerKey));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, AdminKey));
    }

    private static async Task<HttpStatusCode> StatusAsync(SeededAppFactory app, string? key)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.GetAsync("/metrics");
        return response.StatusCode;
    }

    private static void Protected(IWebHostBuilder builder, bool topicRules)
    {
        const string auth = "EventObserver:Auth";
        builder.UseSetting("EventObserver:Metrics:AllowAnonymous", "false");
        builder.UseSetting($"{auth}:Mode", "Local");
        builder.UseSetting($"{auth}:Users:0:Name", "alice");
        builder.UseSetting($"{auth}:Users:0:PasswordHash", TestAuthOptions.AliceHash);
        builder.UseSetting($"{auth}:Users:0:Roles:0", AccessRoles.Viewer);
        var keys = new (string Name, string Key, string? Role)[] { ("viewer", ViewerKey, AccessRoles.Viewer), ("admin", AdminKey, AccessRoles.Admin), ("none", NoRoleKey, null) };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"{auth}:ApiKeys:{i}:Name", keys[i].Name);
            builder.UseSetting($"{auth}:ApiKeys:{i}:Sha256", TestAuthOptions.Sha256Hex(keys[i].Key));
            if (keys[i].Role is { } role)
            {
                builder.UseSetting($"{auth}:ApiKeys:{i}:Roles:0", role);
                builder.UseSetting($"{auth}:ApiKeys:{i}:Groups:0", "everyone");
            }
        }

        if (topicRules)
        {
            builder.UseSetting($"{auth}:TopicAccess:0:Group", "everyone");
            builder.UseSetting($"{auth}:TopicAccess:0:Allow:0", @"shop\..*");
        }
    }
}
