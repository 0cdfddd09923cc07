using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

namespace EventObserver.Tests.Access;

public sealed class AccessClaimsTransformationTests
{
    private static readonly AuthOptions Options = new()
    {
        Mode = AuthMode.Local,
        Users = [new LocalUserOptions { Name = "alice", PasswordHash = TestAuthOptions.AliceHash, Roles = ["viewer"], Groups = ["orders-team"] }],
        ApiKeys = [new ApiKeyOptions { Name = "ci", Sha256 = TestAuthOptions.Sha256Hex("k"), Roles = ["Operator"], Groups = ["build"] }],
        Roles = new(StringComparer.OrdinalIgnoreCase) { ["Publisher"] = ["orders-team"], ["Admin"] = ["ops-team"] },
    };

    [Fact]
    public async Task Transform_LocalUser_GetsDirectRolesGroupsAndMappedRoles()
    {
        var principal = await Transformation(Options).TransformAsync(User("alice", "cookie", "Cookies"));

        Assert.Equal(["Publisher", "Viewer"], Values(principal, ClaimTypes.Role));
        Assert.Equal(["orders-team"], Values(principal, AccessClaimTypes.Group));
    }

    [Fact]
    public async Task Transform_ApiKey_GetsTheKeysRolesAndGroupsAndApikeyMethod()
    {
        var principal = await Transformation(Options).TransformAsync(User("ci", method: null, authenticationType: AccessSchemes.ApiKey));

        Assert.Equal(["Operator"], Values(principal, ClaimTypes.Role));
        Assert.Equal(["build"], Values(principal, AccessClaimTypes.Group));
        Assert.Equal("apikey", principal.FindFirst(AccessClaimTypes.Method)?.Value);
    }

    [Fact]
    public async Task Transform_OidcUserWithProviderGroups_GetsGroupClaimsAndMappedRoles()
    {
        var options = new AuthOptions { Mode = AuthMode.Oidc, Roles = Options.Roles };
        var user = User("bob", "oidc", "AuthenticationTypes.Federation", new Claim("groups", "ops-team"), new Claim("groups", "misc"));

        var principal = await Transformation(options).TransformAsync(user);

        Assert.Equal(["Admin"], Values(principal, ClaimTypes.Role));
        Assert.Equal(["misc", "ops-team"], Values(principal, AccessClaimTypes.Group));
    }

    [Fact]
    public async Task Transform_OidcGroupsAsJsonArrayInRoles_FallsBackToRolesClaim()
    {
        var options = new AuthOptions { Mode = AuthMode.Oidc, Roles = Options.Roles };
        var user = User("bob", "oidc", "AuthenticationTypes.Federation", new Claim("roles", """["ops-team","x"]"""));

        var principal = await Transformation(options).TransformAsync(user);

        Assert.Equal(["ops-team", "x"], Values(principal, AccessClaimTypes.Group));
    }

    [Fact]
    public async Task Transform_RunTwice_AddsNothingTheSecondTime()
    {
        var transformation = Transformation(Options);
        var once = await transformation.TransformAsync(User("alice", "cookie", "Cookies"));

        var twice = await transformation.TransformAsync(once);

        Assert.Same(once, twice);
        Assert.Equal(once.Claims.Count(), twice.Claims.Count());
    }

    [Fact]
    public async Task Transform_Anonymous_IsLeftAlone()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.Same(anonymous, await Transformation(Options).TransformAsync(anonymous));
    }

    [Fact]
    public async Task Transform_LocalUserRemovedFromConfiguration_GetsNoRole()
    {
        var principal = await Transformation(Options).TransformAsync(User("removed", "cookie", "Cookies"));

        Assert.Empty(principal.FindAll(ClaimTypes.Role));
    }

    private static AccessClaimsTransformation Transformation(AuthOptions options)
    {
        var monitor = TestAuthOptions.Monitor(options);
        return new AccessClaimsTransformation(monitor, new ApiKeyCatalog(monitor));
    }

    private static ClaimsPrincipal User(string name, string? method, string authenticationType, params Claim[] extra)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), .. extra];
        if (method is not null)
        {
            claims.Add(new Claim(AccessClaimTypes.Method, method));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    private static string[] Values(ClaimsPrincipal principal, string type) =>
        [.. principal.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal)];
}
