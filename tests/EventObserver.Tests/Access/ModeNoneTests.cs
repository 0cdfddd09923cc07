using System.Net;

using EventObserver.Access.Authentication;
using EventObserver.Tests.Api;

namespace EventObserver.Tests.Access;

/// <summary>The default (no Auth section, test server = loopback): today's behaviour, and the UI says no one signs in.</summary>
public sealed class ModeNoneTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    [Fact]
    public async Task Layout_ModeNone_SaysAnonymousWithoutSignOut()
    {
        var html = await fixture.Client.GetStringAsync("/topics");

        Assert.Contains("anonymous (no sign-in)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-out-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateChangingApi_ModeNoneAnonymous_NeedsNoTokenOrKey()
    {
        using var response = await fixture.Client.PostAsync("/api/replays/count",
            new StringContent("""{"topic":"shop.orders-v1"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_ModeNone_SaysSignInIsOff()
    {
        var html = await fixture.Client.GetStringAsync(AccessSchemes.SignInPath);

        Assert.Contains("data-testid=\"sign-in-off\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", html, StringComparison.Ordinal);
    }
}
