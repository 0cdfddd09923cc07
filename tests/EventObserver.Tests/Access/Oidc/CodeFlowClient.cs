using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using EventObserver.TestSupport.Oidc;

using Microsoft.AspNetCore.WebUtilities;

namespace EventObserver.Tests.Access.Oidc;

/// <summary>
/// Plays the browser and the relying party of an authorization-code flow with PKCE against a
/// <see cref="TestIdentityProvider"/>, one request at a time (redirects are not followed), with its own cookie jar.
/// </summary>
internal sealed class CodeFlowClient : IDisposable
{
    /// <summary>A loopback callback no one listens on: the code is read off the redirect, never delivered.</summary>
    public static readonly Uri RedirectUri = new("http://127.0.0.1:9" + TestIdentityProvider.CallbackPath);

    private readonly TestIdentityProvider _provider;

    public CodeFlowClient(TestIdentityProvider provider)
    {
        _provider = provider;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = provider.Authority,
        };
    }

    public HttpClient Http { get; }

    public string Verifier { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string AuthorizeUrl(string state = "state-1", string nonce = "nonce-1") => QueryHelpers.AddQueryString("connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = TestIdentityProvider.ClientId,
        ["redirect_uri"] = RedirectUri.ToString(),
        ["response_type"] = "code",
        ["scope"] = "openid profile",
        ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
        ["code_challenge_method"] = "S256",
        ["state"] = state,
        ["nonce"] = nonce,
    });

    /// <summary>Authorize → login form → post of the credentials → authorize again: the code on the redirect to the client.</summary>
    public async Task<string> SignInForCodeAsync(TestIdentityUser user)
    {
        using var toLogin = await Http.GetAsync(AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!;
        Assert.StartsWith(TestIdentityProvider.LoginPath, loginUrl.OriginalString, StringComparison.Ordinal);
        using var form = await Http.GetAsync(loginUrl);
        Assert.Contains("<form method=\"post\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var returnUrl = QueryHelpers.ParseQuery(new Uri(_provider.Authority, loginUrl).Query)["returnUrl"].ToString();
        using var signedIn = await PostLoginAsync(user.Name, user.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var toClient = await Http.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.Equal(RedirectUri.GetLeftPart(UriPartial.Path), callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    public Task<HttpResponseMessage> PostLoginAsync(string userName, string password, string returnUrl) =>
        Http.PostAsync(TestIdentityProvider.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));

    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier, string secret = TestIdentityProvider.ClientSecret)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri.ToString(),
            ["client_id"] = TestIdentityProvider.ClientId,
            ["client_secret"] = secret,
        };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        return Http.PostAsync("connect/token", new FormUrlEncodedContent(fields));
    }

    /// <summary>The payload of a JWT, unverified (the tests check what the provider put in, the app checks signatures).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.Clone();

    public void Dispose() => Http.Dispose();
}
