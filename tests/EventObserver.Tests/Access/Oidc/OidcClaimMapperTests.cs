using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Authentication.Oidc;

namespace EventObserver.Tests.Access.Oidc;

public sealed class OidcClaimMapperTests
{
    [Fact]
    public void Groups_RepeatedClaims_ReturnsEachOnceInTokenOrder()
    {
        var token = Token(("groups", "orders-team"), ("groups", "ops-team"), ("groups", "orders-team"));

        var groups = OidcClaimMapper.Groups(token, "groups");

        Assert.Equal(["orders-team", "ops-team"], groups);
    }

    [Fact]
    public void Groups_OneClaimHoldingAJsonArray_ReturnsEachElement()
    {
        var token = Token(("groups", """["orders-team", "ops-team", " "]"""));

        var groups = OidcClaimMapper.Groups(token, "groups");

        Assert.Equal(["orders-team", "ops-team"], groups);
    }

    [Fact]
    public void Groups_ValueStartingWithABracketThatIsNoJson_IsOneGroup()
    {
        var token = Token(("groups", "[legacy] admins"));

        Assert.Equal(["[legacy] admins"], OidcClaimMapper.Groups(token, "groups"));
    }

    [Fact]
    public void Groups_NoClaimOfTheConfiguredType_FallsBackToRoles()
    {
        var token = Token(("roles", """["EventObserver.Viewer"]"""), ("roles", "EventObserver.Operator"));

        var groups = OidcClaimMapper.Groups(token, "groups");

        Assert.Equal(["EventObserver.Viewer", "EventObserver.Operator"], groups);
    }

    [Fact]
    public void Groups_ConfiguredClaimPresent_IgnoresRoles()
    {
        var token = Token(("groups", "orders-team"), ("roles", "admin"));

        Assert.Equal(["orders-team"], OidcClaimMapper.Groups(token, "groups"));
    }

    [Fact]
    public void Groups_CustomRoleClaim_ReadsThatClaim()
    {
        var token = Token(("groups", "ignored"), ("eo_teams", "orders-team"));

        Assert.Equal(["orders-team"], OidcClaimMapper.Groups(token, "eo_teams"));
    }

    [Fact]
    public void Groups_NeitherClaim_ReturnsNone()
    {
        var token = Token(("preferred_username", "carol"));

        Assert.Empty(OidcClaimMapper.Groups(token, "groups"));
    }

    [Fact]
    public void Map_TokenWithGroups_AddsNameGroupClaimsAndMethod()
    {
        var token = Token(("sub", "42"), ("name", "Alice Example"), ("preferred_username", "alice"), ("groups", """["orders-team","ops-team"]"""));

        var user = OidcClaimMapper.Map(token, "groups");

        Assert.True(user.Identity?.IsAuthenticated);
        Assert.Equal(OidcSignIn.Scheme, user.Identity?.AuthenticationType);
        Assert.Equal("alice", user.Identity?.Name);
        Assert.Equal(["orders-team", "ops-team"], user.FindAll(AccessClaimTypes.Group).Select(c => c.Value));
        Assert.Equal("oidc", user.FindFirst(AccessClaimTypes.Method)?.Value);
        Assert.Equal("Alice Example", user.FindFirst("name")?.Value);
    }

    [Fact]
    public void Map_TokenWithoutGroupsOrRoles_HasNoGroupClaims()
    {
        var user = OidcClaimMapper.Map(Token(("sub", "42"), ("preferred_username", "carol")), "groups");

        Assert.Empty(user.FindAll(AccessClaimTypes.Group));
        Assert.Equal("carol", user.Identity?.Name);
    }

    [Fact]
    public void Map_TokenCarryingAccessControlsOwnClaimTypes_DropsThem()
    {
        // A provider (or a mapper an admin configured) must not hand out groups, roles or a sign-in method by naming our types.
        var token = Token(("sub", "42"), (AccessClaimTypes.Group, "admins"), (AccessClaimTypes.Method, "apikey"), (ClaimTypes.Name, "root"), (ClaimTypes.Role, "Admin"));

        var user = OidcClaimMapper.Map(token, "groups");

        Assert.Empty(user.FindAll(AccessClaimTypes.Group));
        Assert.False(user.IsInRole("Admin"));
        Assert.Equal(["oidc"], user.FindAll(AccessClaimTypes.Method).Select(c => c.Value));
        Assert.Equal("42", user.Identity?.Name);
    }

    [Theory]
    [InlineData("alice", "Alice Example", "alice")]
    [InlineData(null, "Alice Example", "Alice Example")]
    [InlineData(null, null, "42")]
    public void UserName_PrefersTheLoginOverTheDisplayNameOverTheSubject(string? preferredUsername, string? name, string expected)
    {
        var claims = new List<(string, string)> { ("sub", "42") };
        if (preferredUsername is not null)
        {
            claims.Add(("preferred_username", preferredUsername));
        }

        if (name is not null)
        {
            claims.Add(("name", name));
        }

        Assert.Equal(expected, OidcClaimMapper.UserName(Token([.. claims])));
    }

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "AuthenticationTypes.Federation"));
}
