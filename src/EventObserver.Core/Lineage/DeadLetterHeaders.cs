using System.Buffers.Binary;
using System.Globalization;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Lineage;

/// <summary>
/// Reads dead-letter origin headers. Spring writes the original partition as a 4-byte and the offset as an
/// 8-byte big-endian integer; Kafka Connect and hand-made producers write decimal text. Both are accepted.
/// </summary>
internal static class DeadLetterHeaders
{
    private const int MaxErrorLength = 2000;

    /// <summary>The number as decimal text, or null when the bytes are neither decimal text nor a 4/8-byte integer.</summary>
    public static string? ReadNumber(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.Trim(" \t\r\n"u8);
        if (trimmed.Length > 0 && !trimmed[(trimmed[0] == '-' ? 1 : 0)..].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var text))
        {
            return text.ToString(CultureInfo.InvariantCulture);
        }

        return bytes.Length switch
        {
            4 => BinaryPrimitives.ReadInt32BigEndian(bytes).ToString(CultureInfo.InvariantCulture),
            8 => BinaryPrimitives.ReadInt64BigEndian(bytes).ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    public static DeadLetterOrigin? Build(string? topic, string? partition, string? offset, string? error)
    {
        if (topic is null)
        {
            return null;
        }

        int? partitionNumber = int.TryParse(partition, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : null;
        long? offsetNumber = long.TryParse(offset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o) ? o : null;
        if (error is { Length: > MaxErrorLength })
        {
            error = string.Concat(error.AsSpan(0, MaxErrorLength), "…");
        }

        return new DeadLetterOrigin(topic, partitionNumber, offsetNumber, error);
    }
}
