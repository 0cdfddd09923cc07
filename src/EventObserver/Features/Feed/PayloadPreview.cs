using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>A one-line, bounded description of a payload for a feed row; never decodes more than it shows.</summary>
public static class PayloadPreview
{
    public const int DefaultLength = 120;

    public static string Describe(EventEnvelope e, int maxChars = DefaultLength)
    {
        if (e.Payload is null || e.PayloadFormat == PayloadFormat.Tombstone)
        {
            return "tombstone";
        }

        if ((e.Payload.Length == 0 && e.DecodedPayload is null) || e.PayloadFormat == PayloadFormat.Empty)
        {
            return "empty";
        }

        // The JSON view of a schema-encoded value reads like a JSON payload; its raw bytes are binary.
        var shown = e.JsonPayload ?? (e.PayloadFormat == PayloadFormat.Binary ? null : e.Payload);
        if (shown is null)
        {
            return $"binary {e.Payload.Length:N0} bytes";
        }

        // UTF-8 needs at most 4 bytes a char; whitespace runs collapse, so read a little more than shown.
        var take = Math.Min(shown.Length, maxChars * 8);
        var text = Encoding.UTF8.GetString(shown, 0, take);
        return OneLine(text, maxChars, truncated: take < shown.Length);
    }

    /// <summary>Collapses whitespace and control characters to single spaces and cuts at <paramref name="maxChars"/>.</summary>
    public static string OneLine(string text, int maxChars, bool truncated = false)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (builder.Length >= maxChars)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(c);
        }

        return truncated ? builder.Append('…').ToString() : builder.ToString();
    }
}
