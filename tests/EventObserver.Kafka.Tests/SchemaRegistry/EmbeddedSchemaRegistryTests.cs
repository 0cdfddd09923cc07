using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventObserver.Kafka.Embedded;

namespace EventObserver.Kafka.Tests.SchemaRegistry;

/// <summary>The embedded server speaks the registry's REST protocol: ids, subjects, versions and its error form.</summary>
public sealed class EmbeddedSchemaRegistryTests : IAsyncLifetime
{
    private const string MediaType = "application/vnd.schemaregistry.v1+json";
    private const string Schema = """{"type":"record","name":"A","fields":[{"name":"x","type":"int"}]}""";
    private EmbeddedSchemaRegistry _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedSchemaRegistry.StartAsync(CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri(_server.Url + "/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Register_SameSchemaAgainAndInAnotherSubject_KeepsItsIdWithAVersionPerSubject()
    {
        var first = await PostAsync("subjects/a-value/versions", Schema);
        var again = await PostAsync("subjects/a-value/versions", Schema);
        var other = await PostAsync("subjects/b-value/versions", Schema);
        var places = await GetJsonAsync($"schemas/ids/{Id(first)}/versions");

        Assert.Equal(Id(first), Id(again));
        Assert.Equal(Id(first), Id(other));
        Assert.Equal(
            ["a-value:1", "b-value:1"],
            places.EnumerateArray().Select(p => $"{p.GetProperty("subject").GetString()}:{p.GetProperty("version").GetInt32()}").ToArray());
    }

    [Fact]
    public async Task LookupAndVersions_RegisteredSchema_AnswerSubjectVersionAndId()
    {
        var id = Id(await PostAsync("subjects/a-value/versions", Schema));

        var lookup = await PostAsync("subjects/a-value", Schema);
        var latest = await GetJsonAsync("subjects/a-value/versions/latest");
        var versions = await GetJsonAsync("subjects/a-value/versions");
        var subjects = await GetJsonAsync("subjects");
        var config = await GetJsonAsync("config/a-value");

        Assert.Equal((id, 1), (Id(lookup), lookup.GetProperty("version").GetInt32()));
        Assert.Equal((id, Schema), (Id(latest), latest.GetProperty("schema").GetString()));
        Assert.Equal([1], versions.EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(["a-value"], subjects.EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("BACKWARD", config.GetProperty("compatibilityLevel").GetString());
    }

    [Fact]
    public async Task GetById_UnknownId_AnswersTheRegistryErrorForm()
    {
        using var response = await _http.GetAsync("schemas/ids/77");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(40403, body.RootElement.GetProperty("error_code").GetInt32());
        Assert.Equal("Schema not found", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Lookup_UnknownSubject_AnswersSubjectNotFound()
    {
        using var response = await _http.PostAsync("subjects/missing", Body(Schema));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.NotFound, 40401), (response.StatusCode, body.RootElement.GetProperty("error_code").GetInt32()));
    }

    [Fact]
    public async Task AnyRequest_ServerErrorFault_Answers500InTheErrorForm()
    {
        _server.Fault = RegistryFault.ServerError;

        using var response = await _http.GetAsync("subjects");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.InternalServerError, 50001), (response.StatusCode, body.RootElement.GetProperty("error_code").GetInt32()));
    }

    private static int Id(JsonElement body) => body.GetProperty("id").GetInt32();

    private static StringContent Body(string schema) =>
        new(JsonSerializer.Serialize(new { schema }), Encoding.UTF8, MediaType);

    private async Task<JsonElement> PostAsync(string path, string schema)
    {
        using var response = await _http.PostAsync(path, Body(schema));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
