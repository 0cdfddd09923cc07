using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;

namespace EventObserver.Tests.Access;

public sealed class CurrentUserTests
{
    private readonly RuleBasedUserAccessResolver _resolver = Resolver(new AuthOptions { Mode = AuthMode.Local });

    [Fact]
    public void Access_InACircuit_IsTheCircuitsUserNotTheHttpContexts()
    {
        var circuit = new ServerAuthenticationStateProvider();
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(User("alice", AccessRoles.Operator))));
        using var current = new CurrentUser(Http(User("stale", AccessRoles.Admin)), circuit, _resolver);

        Assert.Equal("alice", current.Access.Name);
        Assert.True(current.Access.IsInRole(AccessRoles.Operator));
        Assert.False(current.Access.IsInRole(AccessRoles.Admin));
    }

    [Fact]
    public void Access_OutsideACircuit_IsTheRequestsUser()
    {
        using var current = new CurrentUser(Http(User("ci", AccessRoles.Viewer)), new ServerAuthenticationStateProvider(), _resolver);

        Assert.Equal("ci", current.Access.Name);
        Assert.True(current.Access.IsAuthenticated);
    }

    [Fact]
    public void Access_AfterTheCircuitsUserChanges_IsTheNewUser()
    {
        var circuit = new ServerAuthenticationStateProvider();
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(User("alice", AccessRoles.Viewer))));
        using var current = new CurrentUser(Http(null), circuit, _resolver);
        Assert.Equal("alice", current.Access.Name);

        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

        Assert.False(current.Access.IsAuthenticated);
        Assert.Empty(current.Access.Roles);
    }

    private static IHttpContextAccessor Http(ClaimsPrincipal? user) =>
        new HttpContextAccessor { HttpContext = user is null ? null : new DefaultHttpContext { User = user } };

    private static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    private static RuleBasedUserAccessResolver Resolver(AuthOptions options)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new RuleBasedUserAccessResolver(wrapped, new TopicAccessRules(wrapped));
    }
}
