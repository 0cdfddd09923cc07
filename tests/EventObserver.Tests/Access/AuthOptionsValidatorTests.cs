using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

using Microsoft.AspNetCore.Identity;

namespace EventObserver.Tests.Access;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string Hash = new PasswordHasher<LocalUserOptions>().HashPassword(new LocalUserOptions(), "pw");
    private static readonly string Sha = new('a', 64);

    [Fact]
    public void Validate_DefaultOptions_Succeeds()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_FullValidLocalConfiguration_Succeeds()
    {
        var options = new AuthOptions
        {
            Mode = AuthMode.Local,
            Users = [new LocalUserOptions { Name = "alice", PasswordHash = Hash, Roles = ["viewer"] }],
            ApiKeys = [new ApiKeyOptions { Name = "ci", Sha256 = Sha.ToUpperInvariant(), Roles = ["Operator"] }],
            Roles = new(StringComparer.OrdinalIgnoreCase) { ["Admin"] = ["ops"] },
        };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_LocalModeWithoutUsers_NamesModeAndUsers()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { Mode = AuthMode.Local });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("EventObserver:Auth:Mode is Local", failure, StringComparison.Ordinal);
        Assert.Contains("EventObserver:Auth:Users", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "has 3 characters")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "not all of them hex")]
    public void Validate_KeyHashNot64Hex_NamesTheKeysSetting(string sha, string says)
    {
        var options = new AuthOptions { ApiKeys = [new ApiKeyOptions { Name = "ci", Sha256 = sha }] };

        var failure = Assert.Single(new AuthOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("EventObserver:Auth:ApiKeys:0:Sha256 must be the 64 hex characters", failure, StringComparison.Ordinal);
        Assert.Contains(says, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRoleNames_NameEachSetting()
    {
        var options = new AuthOptions
        {
            Users = [new LocalUserOptions { Name = "alice", PasswordHash = Hash, Roles = ["Viewer", "Superuser"] }],
            ApiKeys = [new ApiKeyOptions { Name = "ci", Sha256 = Sha, Roles = ["Admn"] }],
            Roles = new(StringComparer.OrdinalIgnoreCase) { ["Root"] = ["ops"] },
        };

        var failures = new AuthOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Auth:Users:0:Roles: 'Superuser' is not a role", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Auth:ApiKeys:0:Roles: 'Admn' is not a role", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Auth:Roles:Root is not a role", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OidcWithoutAuthorityAndClientId_NamesBoth()
    {
        var failures = new AuthOptionsValidator().Validate(null, new AuthOptions { Mode = AuthMode.Oidc }).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("EventObserver:Auth:Oidc:Authority is required", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("EventObserver:Auth:Oidc:ClientId is required", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserWithoutUsableHashOrName_NamesTheUsersSettings()
    {
        var options = new AuthOptions
        {
            Mode = AuthMode.Local,
            Users = [new LocalUserOptions { Name = "", PasswordHash = "secret" }],
        };

        var failures = new AuthOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains("EventObserver:Auth:Users:0:Name is required.", failures);
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Auth:Users:0:PasswordHash is not a password hash", StringComparison.Ordinal));
    }
}
