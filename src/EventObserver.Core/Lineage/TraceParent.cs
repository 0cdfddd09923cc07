namespace EventObserver.Core.Lineage;

/// <summary>Reads the trace id from a W3C <c>traceparent</c> (<c>00-{32 hex trace}-{16 hex parent}-{2 hex flags}</c>).</summary>
internal static class TraceParent
{
    private const int Version00Length = 55;

    /// <summary>The lower-case trace id, or null when <paramref name="value"/> is not a valid traceparent.</summary>
    public static string? TryGetTraceId(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var span = value.AsSpan().Trim();
        if (span.Length < Version00Length
            || span[2] != '-' || span[35] != '-' || span[52] != '-'
            || !IsHex(span[..2]) || !IsHex(span.Slice(3, 32)) || !IsHex(span.Slice(36, 16)) || !IsHex(span.Slice(53, 2)))
        {
            return null;
        }

        var version = span[..2];
        if (version.Equals("ff", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Version 00 has exactly four fields; later versions may append more after a dash.
        if (span.Length > Version00Length && (version.SequenceEqual("00") || span[Version00Length] != '-'))
        {
            return null;
        }

        var traceId = span.Slice(3, 32);
        if (IsAllZero(traceId) || IsAllZero(span.Slice(36, 16)))
        {
            return null;
        }

        return traceId.ToString().ToLowerInvariant();
    }

    private static bool IsHex(ReadOnlySpan<char> chars) => !chars.ContainsAnyExcept("0123456789abcdefABCDEF");

    private static bool IsAllZero(ReadOnlySpan<char> chars) => !chars.ContainsAnyExcept('0');
}
