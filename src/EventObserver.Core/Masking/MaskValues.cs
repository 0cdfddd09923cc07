using System.Security.Cryptography;
using System.Text;

namespace EventObserver.Core.Masking;

/// <summary>
/// What each action turns a value into. Every action is idempotent (masking a masked value again gives the same
/// value), so events masked at ingest look the same when a read path masks them once more.
/// </summary>
internal sealed class MaskValues
{
    public const string Masked = "****";
    private const string HashPrefix = "sha256:";
    private const int HashLength = 7 + 64;
    private const int KeepLastMinLength = 8;

    // One keyed HMAC per thread, reused: the one-shot HMACSHA256.HashData sets the key up again on every call, which
    // measured several times the cost of masking the value.
    private readonly ThreadLocal<IncrementalHash>? _hmac;

    public MaskValues(byte[]? hashKey)
    {
        if (hashKey is not null)
        {
            _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hashKey));
        }
    }

    /// <summary>The replacement of a text value; empty for <see cref="MaskingAction.Remove"/>.</summary>
    public string Replace(MaskingAction action, string value) => action switch
    {
        MaskingAction.Remove => string.Empty,
        MaskingAction.KeepLast4 => KeepLast4(value),
        MaskingAction.Hash => IsHash(value) ? value : Hash(Encoding.UTF8.GetBytes(value)),
        _ => Masked,
    };

    /// <summary><c>sha256:</c> + lower-case hex of the HMAC-SHA-256 of <paramref name="value"/> keyed with the salt.</summary>
    public string Hash(ReadOnlySpan<byte> value)
    {
        var hmac = _hmac?.Value ?? throw new InvalidOperationException("A Hash rule needs Masking:HashSalt (validation lets none through without it).");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.AppendData(value);
        hmac.GetHashAndReset(mac);
        return string.Concat(HashPrefix, Convert.ToHexStringLower(mac));
    }

    /// <summary>True when <paramref name="value"/> already has the exact form <see cref="Hash"/> gives.</summary>
    public static bool IsHash(ReadOnlySpan<char> value)
    {
        if (value.Length != HashLength || !value.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value[HashPrefix.Length..])
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>****</c> + the last four characters. A value shorter than eight characters is masked whole: keeping four of
    /// them would show most of it. "****1234" gives itself again.
    /// </summary>
    public static string KeepLast4(string value)
    {
        if (value.Length < KeepLastMinLength)
        {
            return Masked;
        }

        var start = value.Length - 4;
        if (char.IsLowSurrogate(value[start]))
        {
            start--; // never split a surrogate pair
        }

        return string.Concat(Masked, value.AsSpan(start));
    }
}
