using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EventObserver.Tests.Security;

/// <summary>
/// What another site's page can make a browser send without a CORS preflight (HTML forms: text/plain,
/// x-www-form-urlencoded; no-cors fetches) is refused by every state-changing API endpoint, and changes nothing.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class CrossSiteApiTests(SecurityAppFixture fixture)
{
    // What an auto-submitted <form enctype="text/plain"> with one field named '{"selection":{},...,"x":"' and value '"}' sends.
    private const string JsonShapedForm = """{"selection":{},"publish":{"targetTopic":"replay.orders"},"label":"x","x":"="}""";
    private const string CountScript = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task PostReplay_CrossOriginTextPlainJsonShapedForm_Is403AndNothingIsPublished()
    {
        var before = fixture.Runs.List().Count;

        var response = await PostAsync("/api/replays", new StringContent(JsonShapedForm, Encoding.UTF8, "text/plain"),
            ("Origin", fixture.OtherPortOrigin), ("Sec-Fetch-Site", "same-site"));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("EventObserver:Security:AllowedOrigins", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Runs.List().Count);
    }

    [Theory]
    [InlineData("text/plain", JsonShapedForm)]
    [InlineData("application/x-www-form-urlencoded", "selection=%7B%7D&projection=(%7B%7D)")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{}\r\n--x--\r\n")]
    public async Task PostReplay_NotJsonWithoutOrigin_Is415AndStartsNoRun(string contentType, string body)
    {
        var before = fixture.Runs.List().Count;
        var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await PostAsync("/api/replays", content);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, fixture.Runs.List().Count);
    }

    [Theory]
    [InlineData("same-site")]
    [InlineData("cross-site")]
    public async Task PostReplay_NoCorsFetchWithoutOrigin_Is403ByFetchMetadata(string site)
    {
        var before = fixture.Runs.List().Count;

        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }), ("Sec-Fetch-Site", site));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(site, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Runs.List().Count);
    }

    [Fact]
    public async Task PostReplay_OriginNull_Is403()
    {
        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }), ("Origin", "null"));

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("text/plain", """{"name":"evil","script":"({})"}""")]
    [InlineData("application/x-www-form-urlencoded", "name=evil&script=(%7B%7D)")]
    public async Task PostProjections_CrossSiteForm_IsRefusedAndSavesNothing(string contentType, string body)
    {
        var before = fixture.Projections.List().Count;

        var crossOrigin = await PostAsync("/api/projections", new StringContent(body, Encoding.UTF8, contentType), ("Origin", fixture.OtherPortOrigin));
        var noOrigin = await PostAsync("/api/projections", new StringContent(body, Encoding.UTF8, contentType));

        await ProblemAsync(crossOrigin, HttpStatusCode.Forbidden);
        await ProblemAsync(noOrigin, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, fixture.Projections.List().Count);
    }

    [Fact]
    public async Task PostDemoBurst_NoCorsFetchFromAnotherOrigin_Is403AndStartsNoOrder()
    {
        var before = fixture.Demo.OrdersStarted;

        var noBody = await PostAsync("/api/demo/burst?orders=10", null, ("Origin", fixture.OtherPortOrigin), ("Sec-Fetch-Site", "same-site"));
        var textPlain = await PostAsync("/api/demo/burst?orders=10", new StringContent("", Encoding.UTF8, "text/plain"));

        await ProblemAsync(noBody, HttpStatusCode.Forbidden);
        await ProblemAsync(textPlain, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, fixture.Demo.OrdersStarted);
    }

    [Fact]
    public async Task PostReplay_SameOriginJson_Starts()
    {
        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }),
            ("Origin", fixture.OwnOrigin), ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task PostReplay_NoOriginJson_StartsLikeCurl()
    {
        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task PostReplay_ConfiguredExtraOrigin_Starts()
    {
        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }),
            ("Origin", SecurityAppFixture.TrustedOrigin), ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task PostReplay_BehindTlsProxyThatKeepsTheHost_IsSameOrigin()
    {
        // The proxy answers https://observer.example and forwards plain http with the Host header unchanged.
        var response = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }),
            ("Origin", "https://observer.example"), ("Host", "observer.example"));
        var otherHost = await PostAsync("/api/replays", Json(new { selection = new { }, projection = CountScript }),
            ("Origin", "https://observer.example"), ("Host", "observer.example:8080"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherHost.StatusCode);
    }

    [Fact]
    public async Task GetApi_FromAnotherOrigin_IsNotRefused()
    {
        // Reading is guarded by the browser's same-origin policy (no CORS headers are sent); only state changes are refused here.
        var response = await SendAsync(HttpMethod.Get, "/api/replays", null, ("Origin", fixture.OtherPortOrigin), ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private Task<HttpResponseMessage> PostAsync(string url, HttpContent? content, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, url, content, headers);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await _client.SendAsync(request);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
