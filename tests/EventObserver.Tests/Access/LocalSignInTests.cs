using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Access;

public sealed class LocalSignInTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly LocalSignIn _signIn;

    public LocalSignInTests()
    {
        var options = new AuthOptions
        {
            Mode = AuthMode.Local,
            Users = [new LocalUserOptions { Name = "alice", PasswordHash = TestAuthOptions.AliceHash, Roles = ["Viewer"] }],
            Lockout = new LockoutOptions { MaxFailedAttempts = 3, Duration = TimeSpan.FromMinutes(5) },
        };
        _signIn = new LocalSignIn(TestAuthOptions.Monitor(options), new SignInLockout(_time));
    }

    [Fact]
    public void Check_RightPassword_GivesACookiePrincipalNamedAfterTheUser()
    {
        var result = _signIn.Check("Alice", TestAuthOptions.AlicePassword);

        Assert.True(result.Succeeded);
        Assert.Equal("alice", result.Principal!.Identity!.Name);
        Assert.Equal("cookie", result.Principal.FindFirst(AccessClaimTypes.Method)?.Value);
        Assert.Empty(result.Principal.FindAll(ClaimTypes.Role));
    }

    [Fact]
    public void Check_WrongPasswordAndUnknownUser_GetTheSameMessage()
    {
        var wrongPassword = _signIn.Check("alice", "nope");
        var unknownUser = _signIn.Check("mallory", "nope");

        Assert.False(wrongPassword.Succeeded);
        Assert.False(unknownUser.Succeeded);
        Assert.Equal(LocalSignIn.WrongCredentials, wrongPassword.Message);
        Assert.Equal(wrongPassword.Message, unknownUser.Message);
        Assert.NotEqual(wrongPassword.AuditDetail, unknownUser.AuditDetail);
    }

    [Fact]
    public void Check_AfterMaxFailures_LocksOutEvenTheRightPasswordUntilTheDurationEnds()
    {
        _signIn.Check("alice", "1");
        _signIn.Check("alice", "2");
        var third = _signIn.Check("alice", "3");

        var whileLocked = _signIn.Check("alice", TestAuthOptions.AlicePassword);
        _time.Advance(TimeSpan.FromMinutes(5));
        var afterwards = _signIn.Check("alice", TestAuthOptions.AlicePassword);

        Assert.StartsWith("Too many failed sign-ins", third.Message, StringComparison.Ordinal);
        Assert.False(whileLocked.Succeeded);
        Assert.StartsWith("Too many failed sign-ins", whileLocked.Message, StringComparison.Ordinal);
        Assert.True(afterwards.Succeeded);
    }

    [Fact]
    public void Check_UnknownUserName_IsLockedOutLikeAKnownOne()
    {
        for (var i = 0; i < 3; i++)
        {
            _signIn.Check("mallory", "guess" + i);
        }

        Assert.StartsWith("Too many failed sign-ins", _signIn.Check("mallory", "guess").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SuccessBetweenFailures_StartsTheCountAgain()
    {
        _signIn.Check("alice", "1");
        _signIn.Check("alice", "2");
        Assert.True(_signIn.Check("alice", TestAuthOptions.AlicePassword).Succeeded);

        _signIn.Check("alice", "3");
        _signIn.Check("alice", "4");

        Assert.True(_signIn.Check("alice", TestAuthOptions.AlicePassword).Succeeded);
    }
}
