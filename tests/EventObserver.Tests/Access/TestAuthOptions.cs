using System.Security.Cryptography;
using System.Text;

using EventObserver.Access.Options;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Access;

/// <summary>Auth options for tests, and the monitor that hands them out.</summary>
public static class TestAuthOptions
{
    private static readonly Lazy<string> AlicePasswordHash = new(() => HashOf(AlicePassword));

    public const string AlicePassword = "correct horse battery";

    public static string AliceHash => AlicePasswordHash.Value;

    public static string HashOf(string password) => new PasswordHasher<LocalUserOptions>().HashPassword(new LocalUserOptions(), password);

    public static string Sha256Hex(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static IOptionsMonitor<AuthOptions> Monitor(AuthOptions options) => new StaticMonitor(options);

    private sealed class StaticMonitor(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue => value;

        public AuthOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }
}
