using System.Net;

using EventObserver.Access.Authentication;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.Tests.Access;

/// <summary>Mode=Oidc's sign-in page hands on to the provider's challenge, except right after a sign-out.</summary>
public sealed class OidcModeSignInPageTests : IDisposable
{
    private readonly SeededAppFactory _factory = new(builder =>
    {
        builder.UseSetting("EventObserver:Auth:Mode", "Oidc");
        builder.UseSetting("EventObserver:Auth:Oidc:Authority", "https://idp.example/realms/shop");
        builder.UseSetting("EventObserver:Auth:Oidc:ClientId", "eventobserver");
    });

    [Fact]
    public async Task SignInPage_NotSignedIn_RedirectsToTheProvidersChallengeWithTheReturnUrl()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"{AccessSchemes.SignInPath}?returnUrl=%2Ftopics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in/oidc?returnUrl=%2Ftopics", new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task SignInPage_AfterSignOut_OffersTheProviderInsteadOfGoingThere()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"{AccessSchemes.SignInPath}?signedOut=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sign-in-oidc\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"account/sign-in/oidc?returnUrl=%2F\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
