using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventObserver.Tests.Schemas;

/// <summary><c>GET /api/schemas/{id}</c> answers from the registry: the schema, 404 for an unknown id, 503 while it is down.</summary>
public sealed class SchemaApiTests : IDisposable
{
    private readonly FakeSchemaRegistry _registry = new();
    private readonly SeededAppFactory _factory;

    public SchemaApiTests()
    {
        _registry.Add(new RegisteredSchema
        {
            Id = 42,
            Format = SchemaFormat.Protobuf,
            Text = "syntax = \"proto3\"; import \"money.proto\"; message OrderShipped { Money total = 1; }",
            Subject = "shipping-value",
            Version = 3,
            References = [new SchemaReferenceText("money.proto", "syntax = \"proto3\"; message Money { int64 cents = 1; }")],
        });
        _factory = new SeededAppFactory(b => b.ConfigureTestServices(s => s.AddSingleton<ISchemaRegistry>(_registry)));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetSchema_KnownId_ReturnsTextFormatSubjectVersionAndReferences()
    {
        using var client = _factory.CreateClient();

        var schema = await client.GetFromJsonAsync<JsonElement>("/api/schemas/42");

        Assert.Equal(42, schema.GetProperty("id").GetInt32());
        Assert.Equal("Protobuf", schema.GetProperty("format").GetString());
        Assert.Equal("shipping-value", schema.GetProperty("subject").GetString());
        Assert.Equal(3, schema.GetProperty("version").GetInt32());
        Assert.Contains("message OrderShipped", schema.GetProperty("text").GetString(), StringComparison.Ordinal);
        var reference = Assert.Single(schema.GetProperty("references").EnumerateArray());
        Assert.Equal("money.proto", reference.GetProperty("name").GetString());
        Assert.Contains("message Money", reference.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSchema_UnknownId_Returns404Problem()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/schemas/7");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Schema 7 not found", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSchema_RegistryDown_Returns503ProblemWithTheReason()
    {
        using var client = _factory.CreateClient();
        _registry.Down = "registry timeout after 2000 ms (http://registry:8081)";

        var response = await client.GetAsync("/api/schemas/42");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("registry timeout after 2000 ms (http://registry:8081)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetSchema_NoRegistryRegistered_Returns503NamingTheSetting()
    {
        using var factory = new SeededAppFactory(b => b.ConfigureTestServices(s => s.RemoveAll<ISchemaRegistry>()));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/schemas/42");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("SchemaRegistry:Url", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
