using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Security;

namespace EventObserver.Tests.Security;

/// <summary>Oversized bodies are cut off while they arrive (413 problem, never 500); over-long texts and URLs are refused.</summary>
[Collection(SecurityAppCollection.Name)]
public sealed class RequestLimitTests(SecurityAppFixture fixture)
{
    private const long MegaByte = 1024 * 1024;

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    public async Task PostReplay_ChunkedBodyOverTheLimit_Is413ProblemAndTheServerStopsReadingAtTheLimit(int megabytes)
    {
        var before = fixture.Runs.List().Count;
        fixture.Meter.Reset();

        var (response, _) = await RawUpload.PostAsync(fixture.Client.BaseAddress!, "/api/replays", megabytes * MegaByte, chunked: true);

        Assert.StartsWith("HTTP/1.1 413 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("larger than 1,048,576 bytes", response, StringComparison.Ordinal);
        // Kestrel counts while it decodes the chunks, so the app may not even get the first bytes.
        Assert.InRange(fixture.Meter.BytesRead, 0, RequestLimits.MaxBodyBytes);
        Assert.Equal(before, fixture.Runs.List().Count);
    }

    [Fact]
    public async Task PostReplay_ChunkedBodyUnderTheLimit_IsReadWholeAndJudgedOnItsContent()
    {
        fixture.Meter.Reset();

        var (response, sent) = await RawUpload.PostAsync(fixture.Client.BaseAddress!, "/api/replays", 512 * 1024, chunked: true);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("'label' is", response, StringComparison.Ordinal);
        Assert.Equal(sent, fixture.Meter.BytesRead);
    }

    [Fact]
    public async Task PostProjection_ContentLengthOverTheLimit_Is413WithoutReadingTheBody()
    {
        fixture.Meter.Reset();

        var (response, _) = await RawUpload.PostAsync(fixture.Client.BaseAddress!, "/api/projections", RequestLimits.MaxBodyBytes + 1, chunked: false);

        Assert.StartsWith("HTTP/1.1 413 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Meter.BytesRead);
    }

    [Fact]
    public async Task PostReplay_LabelOverTheLimit_Is400NamingTheLabelAndStartsNoRun()
    {
        var before = fixture.Runs.List().Count;

        var response = await fixture.Client.PostAsJsonAsync("/api/replays", new { selection = new { }, projection = "({})", label = new string('x', 201) });

        var problem = await CrossSiteApiTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("label", out _), problem.ToString());
        Assert.Equal(before, fixture.Runs.List().Count);
    }

    [Fact]
    public async Task PostProjection_DescriptionOverTheLimit_Is400AndSavesNothing()
    {
        var before = fixture.Projections.List().Count;

        var response = await fixture.Client.PostAsJsonAsync("/api/projections", new { name = "long-description", script = "({})", description = new string('d', 2_001) });

        var problem = await CrossSiteApiTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _), problem.ToString());
        Assert.Equal(before, fixture.Projections.List().Count);
    }

    [Fact]
    public async Task PostCompare_SelectionValueOverTheLimit_Is400NamingTheSide()
    {
        var side = new { selection = new { correlationId = new string('c', 1_001) }, projection = "({})" };

        var response = await fixture.Client.PostAsJsonAsync("/api/replays/compare", new { left = side, right = side });

        var problem = await CrossSiteApiTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("left.selection.correlationId", out _), problem.ToString());
    }

    [Fact]
    public async Task GetApi_UrlOverTheAppsLimit_Is414Problem()
    {
        var response = await fixture.Client.GetAsync("/api/events?type=" + new string('t', RequestLimits.MaxRequestTargetLength));

        var problem = await CrossSiteApiTests.ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("8,192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApi_UrlOverKestrelsLimit_IsKestrels414()
    {
        // Kestrel refuses this before any middleware runs, so no problem document is possible; its limit is twice the app's.
        var response = await fixture.Client.GetAsync("/api/events?type=" + new string('t', RequestLimits.KestrelMaxRequestLineSize));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }
}
