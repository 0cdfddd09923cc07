using System.Security.Cryptography;
using System.Text;

using EventObserver.Access.Options;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// The configured API keys (<c>Auth:ApiKeys</c>) by their SHA-256. A presented key is hashed and compared with every
/// configured hash in constant time, so neither the time taken nor an early exit tells which key (or whether one) matched.
/// </summary>
public sealed class ApiKeyCatalog(IOptionsMonitor<AuthOptions> options)
{
    private Snapshot? _snapshot;

    public ApiKeyOptions? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var keys = Current().Keys;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        ApiKeyOptions? found = null;
        foreach (var (key, expected) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= key;
            }
        }

        return found;
    }

    /// <summary>The configured key of that name (names ignore case), for its roles and groups.</summary>
    public ApiKeyOptions? Named(string name) =>
        Current().Keys.Select(k => k.Key).FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    private Snapshot Current()
    {
        var source = options.CurrentValue;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(snapshot.Source, source))
        {
            // Keys that fail validation never get here (the app does not start); skip them anyway rather than throw.
            snapshot = new Snapshot(source, [.. source.ApiKeys
                .Where(k => k.Sha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigit))
                .Select(k => (k, Convert.FromHexString(k.Sha256)))]);
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot;
    }

    private sealed record Snapshot(AuthOptions Source, (ApiKeyOptions Key, byte[] Hash)[] Keys);
}
