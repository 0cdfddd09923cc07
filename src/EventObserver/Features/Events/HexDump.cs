using System.Text;

namespace EventObserver.Features.Events;

/// <summary>Classic hex dump lines (offset, 16 bytes in hex, printable ASCII), bounded by <c>maxBytes</c>.</summary>
public static class HexDump
{
    public const int DefaultMaxBytes = 64 * 1024;
    private const int BytesPerLine = 16;

    public static string Format(ReadOnlySpan<byte> bytes, int maxBytes = DefaultMaxBytes)
    {
        var length = Math.Min(bytes.Length, maxBytes);
        var builder = new StringBuilder((length / BytesPerLine + 1) * 78);
        for (var line = 0; line < length; line += BytesPerLine)
        {
            builder.Append(line.ToString("x8")).Append("  ");
            for (var i = 0; i < BytesPerLine; i++)
            {
                if (line + i < length)
                {
                    builder.Append(bytes[line + i].ToString("x2")).Append(' ');
                }
                else
                {
                    builder.Append("   ");
                }

                if (i == 7)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(" |");
            for (var i = 0; i < BytesPerLine && line + i < length; i++)
            {
                var b = bytes[line + i];
                builder.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
            }

            builder.Append("|\n");
        }

        return builder.ToString();
    }

    /// <summary>Bytes as space-separated lower-case hex, cut at <paramref name="maxBytes"/> with an ellipsis.</summary>
    public static string Inline(byte[]? bytes, int maxBytes = 256)
    {
        if (bytes is null)
        {
            return "";
        }

        var shown = Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, maxBytes)).ToLowerInvariant();
        var builder = new StringBuilder(shown.Length * 3 / 2);
        for (var i = 0; i < shown.Length; i += 2)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(shown, i, 2);
        }

        return bytes.Length > maxBytes ? builder.Append(" …").ToString() : builder.ToString();
    }
}
