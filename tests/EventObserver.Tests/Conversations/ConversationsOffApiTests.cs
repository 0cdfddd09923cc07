using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Mvc;

namespace EventObserver.Tests.Conversations;

/// <summary><c>/api/processes</c> with <c>EventObserver:Monitoring:Enabled=false</c>: it says so, naming the setting.</summary>
public sealed class ConversationsOffApiTests(ConversationsOffApiFixture fixture) : IClassFixture<ConversationsOffApiFixture>
{
    [Fact]
    public async Task GetProcesses_MonitoringOff_IsEnabledFalseWithANoteNamingTheSettingAndNoProcesses()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/processes");

        Assert.False(list.GetProperty("enabled").GetBoolean());
        Assert.Contains("EventObserver:Monitoring:Enabled", list.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, list.GetProperty("processes").GetArrayLength());
        Assert.Null(fixture.View.LastWindow);
    }

    [Fact]
    public async Task GetConversations_MonitoringOff_Is404NamingTheSetting()
    {
        using var admin = fixture.Client(ConversationsApiFixture.AdminKey);

        using var response = await admin.GetAsync("/api/processes/PlaceOrder/conversations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("EventObserver:Monitoring:Enabled", problem!.Detail, StringComparison.Ordinal);
    }
}
