using System.Net;

using EventObserver.Access.Options;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Identity;

namespace EventObserver.Tests.Access;

/// <summary>The real app process: Mode None refuses a network bind unless told otherwise; hash-password runs without the host.</summary>
public sealed class StartRefusalTests : IDisposable
{
    // Nothing listens there: these runs end (or are checked) before ingestion matters.
    private const string NoBroker = "127.0.0.1:9";

    private readonly TempDirectory _directory = new();

    private string StoragePath => Path.Combine(_directory.Path, "index.db");

    [Fact]
    public async Task ModeNone_BoundToEveryInterface_ExitsWith1AndOneMessageNamingModeAndTheEscape()
    {
        var (exitCode, output, error) = await AppProcess.RunToExitAsync(NoBroker, StoragePath, ["--urls", "http://0.0.0.0:0"], TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var problem = Assert.Single(error.Split('\n'), l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        Assert.Contains("EventObserver:Auth:Mode", problem, StringComparison.Ordinal);
        Assert.Contains("EventObserver:Auth:AllowAnonymousNetwork=true", problem, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:0", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeNone_BoundToEveryInterfaceWithTheEscape_Starts()
    {
        var escape = new Dictionary<string, string> { ["EventObserver__Auth__AllowAnonymousNetwork"] = "true" };

        await using var app = await AppProcess.StartAsync(NoBroker, StoragePath, escape, ["--urls", "http://0.0.0.0:0"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.BaseAddress.Port}"), Timeout = TimeSpan.FromSeconds(10) };
        using var health = await http.GetAsync("/healthz");

        Assert.Equal("0.0.0.0", app.BaseAddress.Host);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task HashPassword_PasswordOnStandardInput_PrintsOnlyAVerifyingHashAndExits0WithoutAHost()
    {
        var (exitCode, output, error) = await AppProcess.RunToExitAsync(NoBroker, StoragePath, ["hash-password"], TimeSpan.FromSeconds(60), input: "from stdin\n");

        Assert.True(exitCode == 0, error);
        var hash = output.Trim();
        Assert.DoesNotContain('\n', hash);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<LocalUserOptions>().VerifyHashedPassword(new LocalUserOptions(), hash, "from stdin"));
    }

    public void Dispose() => _directory.Dispose();
}
