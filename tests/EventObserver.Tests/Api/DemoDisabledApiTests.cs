using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.Tests.Api;

/// <summary>With a real cluster configured, demo traffic is off unless asked for, and a burst says so.</summary>
public sealed class DemoDisabledApiTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly WebApplicationFactory<Program> _factory;

    public DemoDisabledApiTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory.Path, "index.db"));
            // Nothing listens there: ingestion degrades, the API keeps answering.
            builder.UseSetting("EventObserver:Kafka:BootstrapServers", "127.0.0.1:1");
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task DemoBurst_RealClusterWithoutDemo_IsAConflictSayingHowToEnableIt()
    {
        var client = _factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>("/api/demo");
        var response = await client.PostAsync("/api/demo/burst?orders=5", null);

        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("EventObserver:Demo:Enabled", problem.GetProperty("detail").GetString());
    }
}
