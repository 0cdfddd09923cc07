namespace EventObserver.Core.Lineage;

/// <summary>
/// Whether a payload's plain <c>id</c> looks like a message's own id rather than an entity's: a value made to be unique
/// per message (a UUID/GUID or a ULID), never a readable or sequential key such as <c>order-17</c> or <c>42</c>.
/// </summary>
internal static class OpaqueIds
{
    private const int UlidLength = 26;

    /// <summary>
    /// True for a UUID/GUID (<c>8-4-4-4-12</c> hex, or either that or 32 hex digits in braces, or 32 bare hex digits with at
    /// least one letter; not the all-zero nil UUID) or a ULID (26 Crockford base-32 characters, the first 0–7, at least one
    /// a letter). The letter keeps a long decimal number (a sequence, an account number) out.
    /// </summary>
    public static bool LooksUnique(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = value.AsSpan().Trim();
        return IsUuid(text) || IsUlid(text);
    }

    private static bool IsUuid(ReadOnlySpan<char> text)
    {
        var parsed = text.Length switch
        {
            36 => Guid.TryParseExact(text, "D", out var guid) ? guid : (Guid?)null,
            38 => Guid.TryParseExact(text, "B", out var guid) ? guid : null,
            32 => HasLetter(text) && Guid.TryParseExact(text, "N", out var guid) ? guid : null,
            _ => null,
        };
        return parsed is { } value && value != Guid.Empty;
    }

    private static bool IsUlid(ReadOnlySpan<char> text)
    {
        if (text.Length != UlidLength || text[0] is < '0' or > '7')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsCrockford(char.ToUpperInvariant(c)))
            {
                return false;
            }
        }

        return HasLetter(text);
    }

    private static bool HasLetter(ReadOnlySpan<char> text) => text.ContainsAnyInRange('A', 'Z') || text.ContainsAnyInRange('a', 'z');

    // Crockford's base 32 leaves out I, L, O and U.
    private static bool IsCrockford(char c) =>
        c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') && c is not ('I' or 'L' or 'O' or 'U');
}
