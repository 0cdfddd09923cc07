using System.Net;

using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Hosting;

public sealed class StaticFilesTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/css/app.css", "text/css", ".eo-statusbar")]
    [InlineData("/img/logo.svg", "image/svg+xml", "<svg")]
    public async Task TopLevelWebRootFile_IsServed(string url, string mediaType, string content)
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebRoot_IsTheRepositoryWwwroot()
    {
        _ = _factory.CreateClient();
        var environment = _factory.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.IWebHostEnvironment)) as Microsoft.AspNetCore.Hosting.IWebHostEnvironment;

        var webRoot = new DirectoryInfo(environment!.WebRootPath);

        Assert.Equal("wwwroot", webRoot.Name);
        Assert.True(File.Exists(Path.Combine(webRoot.Parent!.FullName, "EventObserver.sln")));
    }

    [Theory]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task FrameworkAndMudBlazorAssets_AreServed(string url)
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IsolatedComponentStyles_ReplayPage_AreLinkedAndServed()
    {
        var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/replay");

        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(EventObserver[^\"]*\\.styles\\.css)\"");
        Assert.True(link.Success, "the page links the bundle of the components' .razor.css files");
        var response = await client.GetAsync("/" + link.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        // A rule of ReplayPage.razor.css, scoped to that component by its b-… attribute.
        Assert.Matches(@"\.eo-replay-layout\[b-[a-z0-9]+\]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/", "Live feed")]
    [InlineData("/topics", "Topics")]
    [InlineData("/lineage", "Lineage")]
    [InlineData("/replay", "Replay")]
    public async Task Page_IsPrerenderedWithShellAndTitle(string url, string title)
    {
        var client = _factory.CreateClient();

        var html = await client.GetStringAsync(url);

        Assert.Contains($"<title>{title} · EventObserver</title>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("css/app.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Returns404WithThePage()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
