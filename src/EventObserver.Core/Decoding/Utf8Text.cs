using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace EventObserver.Core.Decoding;

/// <summary>Decides whether bytes are displayable text: valid UTF-8 without control characters other than tab, CR and LF.</summary>
internal static class Utf8Text
{
    private static readonly SearchValues<byte> s_controlBytes = SearchValues.Create(
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F,
    ]);

    public static bool IsText(ReadOnlySpan<byte> bytes) => !bytes.ContainsAny(s_controlBytes) && Utf8.IsValid(bytes);

    /// <summary>The text when <paramref name="bytes"/> is text, otherwise null.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes) => IsText(bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The text, or lower-case hex when the bytes are not text.</summary>
    public static string DecodeOrHex(ReadOnlySpan<byte> bytes) => TryDecode(bytes) ?? Convert.ToHexStringLower(bytes);
}
