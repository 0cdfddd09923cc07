using EventObserver.Access.Authentication;
using EventObserver.Access.Authentication.Oidc;
using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EventObserver.Tests.Access.Oidc;

public sealed class OidcSignInEventsTests
{
    private static readonly OidcAuthOptions Options = new() { Authority = "https://idp.example/", ClientId = "eventobserver" };

    [Fact]
    public async Task SignOut_ProviderWithoutEndSessionEndpoint_EndsLocallyAndGoesToTheRedirectUri()
    {
        var context = SignOutContext(endSessionEndpoint: "");

        await new OidcSignInEvents(Options).RedirectToIdentityProviderForSignOut(context);

        Assert.True(context.Handled);
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/signed-out", context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task SignOut_ProviderWithEndSessionEndpoint_GoesThereNamingTheClient()
    {
        var context = SignOutContext(endSessionEndpoint: "https://idp.example/logout");

        await new OidcSignInEvents(Options).RedirectToIdentityProviderForSignOut(context);

        Assert.False(context.Handled);
        Assert.Equal("eventobserver", context.ProtocolMessage.ClientId);
    }

    private static RedirectContext SignOutContext(string endSessionEndpoint) =>
        new(new DefaultHttpContext(), new AuthenticationScheme(OidcSignIn.Scheme, null, typeof(OpenIdConnectHandler)), new OpenIdConnectOptions(), new AuthenticationProperties { RedirectUri = "/signed-out" })
        {
            ProtocolMessage = new OpenIdConnectMessage { IssuerAddress = endSessionEndpoint },
        };
}
