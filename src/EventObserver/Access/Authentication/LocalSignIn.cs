using System.Globalization;
using System.Security.Claims;

using EventObserver.Access.Options;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// <c>Auth:Mode=Local</c>: checks a user name and password against <c>Auth:Users</c> with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (constant-time comparison), with lockout. An unknown name and a wrong password
/// get the same message and the same work (a hash is verified either way).
/// </summary>
public sealed class LocalSignIn(IOptionsMonitor<AuthOptions> options, SignInLockout lockout)
{
    public const string WrongCredentials = "Wrong user name or password.";

    private static readonly PasswordHasher<LocalUserOptions> Hasher = new();
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(new LocalUserOptions(), Guid.NewGuid().ToString()));

    public static LocalUserOptions? FindUser(AuthOptions auth, string name)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return auth.Users.FirstOrDefault(u => string.Equals(u.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public LocalSignInResult Check(string? name, string? password)
    {
        var auth = options.CurrentValue;
        name = name?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new LocalSignInResult(null, "Enter your user name and password.", "empty user name or password");
        }

        if (lockout.LockedUntil(name) is { } until)
        {
            return Locked(until);
        }

        var user = FindUser(auth, name);
        var verified = Hasher.VerifyHashedPassword(user ?? new LocalUserOptions(), user?.PasswordHash ?? DecoyHash.Value, password);
        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            return lockout.Fail(name, auth.Lockout) is { } lockedNow
                ? Locked(lockedNow)
                : new LocalSignInResult(null, WrongCredentials, user is null ? "unknown user name" : "wrong password");
        }

        lockout.Succeed(name);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name.Trim()),
                new Claim(ClaimTypes.NameIdentifier, "local:" + user.Name.Trim()),
                new Claim(AccessClaimTypes.Method, AccessClaimsTransformation.CookieMethod),
            ],
            AccessSchemes.Cookie,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new LocalSignInResult(new ClaimsPrincipal(identity), null, "signed in");
    }

    private static LocalSignInResult Locked(DateTimeOffset until) => new(
        null,
        $"Too many failed sign-ins for this user name: try again after {until.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC.",
        "locked out");
}
