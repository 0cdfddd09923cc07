using System.Text.RegularExpressions;

namespace EventObserver.Tests.Security;

[Collection(SecurityAppCollection.Name)]
public sealed partial class SecurityHeadersTests(SecurityAppFixture fixture)
{
    [Fact]
    public async Task Page_HasPolicyHeadersAndItsImportMapCarriesThePolicysNonce()
    {
        using var response = await fixture.Client.GetAsync("/topics");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = PolicyNonce().Match(policy);
        Assert.True(nonce.Success, policy);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce.Groups[1].Value}\"", html, StringComparison.Ordinal);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Page_NonceDiffersPerResponse()
    {
        using var first = await fixture.Client.GetAsync("/");
        using var second = await fixture.Client.GetAsync("/");

        Assert.NotEqual(
            PolicyNonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Value,
            PolicyNonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Value);
    }

    [Theory]
    [InlineData("/api/stats")]
    [InlineData("/api/replays/nope")]
    [InlineData("/healthz")]
    [InlineData("/css/app.css")]
    public async Task OtherResponses_HaveTheHeadersAndNoServerHeader(string url)
    {
        using var response = await fixture.Client.GetAsync(url);

        Assert.True(response.Headers.Contains("Content-Security-Policy"), url);
        AssertCommonHeaders(response);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), "Server header: " + string.Join(",", response.Headers.Server));
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9_-]{22})'")]
    private static partial Regex PolicyNonce();
}
