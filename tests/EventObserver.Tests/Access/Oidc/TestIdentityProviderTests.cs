using System.Net;
using System.Text.Json;

using EventObserver.TestSupport.Oidc;

namespace EventObserver.Tests.Access.Oidc;

/// <summary>The test provider is a real one: the code flow with PKCE, over plain HTTP requests.</summary>
public sealed class TestIdentityProviderTests(TestIdentityProviderFixture fixture) : IClassFixture<TestIdentityProviderFixture>
{
    private TestIdentityProvider Provider => fixture.Provider;

    [Fact]
    public async Task Discovery_Document_AdvertisesCodeFlowWithPkceAndEndSession()
    {
        using var http = new HttpClient { BaseAddress = Provider.Authority };

        var discovery = JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration")).RootElement;

        Assert.Equal(Provider.Authority.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Contains("code", discovery.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new Uri(Provider.Authority, "connect/endsession").ToString(), discovery.GetProperty("end_session_endpoint").GetString());
    }

    [Theory]
    [InlineData("alice", "Alice Example", "orders-team")]
    [InlineData("bob", "Bob Example", "ops-team")]
    public async Task CodeFlow_UserSignsInOnTheForm_IdTokenCarriesNamesAndGroups(string userName, string displayName, string group)
    {
        using var flow = new CodeFlowClient(Provider);
        var user = Provider.Users.Single(u => u.Name == userName);

        var code = await flow.SignInForCodeAsync(user);
        using var response = await flow.RedeemAsync(code, flow.Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var idToken = CodeFlowClient.Payload(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(Provider.Authority.ToString(), idToken.GetProperty("iss").GetString());
        Assert.Equal(TestIdentityProvider.ClientId, idToken.GetProperty("aud").GetString());
        Assert.Equal("nonce-1", idToken.GetProperty("nonce").GetString());
        Assert.Equal(userName, idToken.GetProperty("preferred_username").GetString());
        Assert.Equal(displayName, idToken.GetProperty("name").GetString());
        Assert.Equal<string>([group], Values(idToken.GetProperty("groups")));
    }

    [Theory]
    [InlineData(false, "invalid_request")]
    [InlineData(true, "invalid_grant")]
    public async Task Token_WithoutTheRightCodeVerifier_IsRefused(bool sendAnotherVerifier, string error)
    {
        using var flow = new CodeFlowClient(Provider);
        using var other = new CodeFlowClient(Provider);
        var code = await flow.SignInForCodeAsync(TestIdentityProvider.Alice);

        using var response = await flow.RedeemAsync(code, sendAnotherVerifier ? other.Verifier : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WithAWrongClientSecret_IsRefused()
    {
        using var flow = new CodeFlowClient(Provider);
        var code = await flow.SignInForCodeAsync(TestIdentityProvider.Alice);

        using var response = await flow.RedeemAsync(code, flow.Verifier, secret: "not-the-secret");

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsTheFormAgainWithoutASession()
    {
        using var flow = new CodeFlowClient(Provider);
        var returnUrl = flow.AuthorizeUrl();
        var authorizePath = "/" + returnUrl;

        using var refused = await flow.PostLoginAsync("alice", "bob-password", authorizePath);
        using var authorize = await flow.Http.GetAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("wrong password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith(TestIdentityProvider.LoginPath, authorize.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_RedirectUriOffLoopback_IsRefusedWithoutRedirecting()
    {
        using var flow = new CodeFlowClient(Provider);
        var url = flow.AuthorizeUrl().Replace(Uri.EscapeDataString(CodeFlowClient.RedirectUri.ToString()), Uri.EscapeDataString("http://attacker.example/signin-oidc"), StringComparison.Ordinal);

        using var response = await flow.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static string[] Values(JsonElement claim) =>
        claim.ValueKind == JsonValueKind.Array ? [.. claim.EnumerateArray().Select(e => e.GetString() ?? "")] : [claim.GetString() ?? ""];
}
