using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Decoding;

/// <summary>Renders a record key for display and lookups: UTF-8 text when it is text, else lower-case hex.</summary>
internal static class KeyDecoder
{
    public static (string? Key, KeyFormat Format) Decode(byte[]? key)
    {
        if (key is null)
        {
            return (null, KeyFormat.None);
        }

        var text = Utf8Text.TryDecode(key);
        return text is null ? (Convert.ToHexStringLower(key), KeyFormat.Hex) : (text, KeyFormat.Text);
    }
}
