using System.Text;
using System.Text.Json;

namespace EventObserver.Core.Decoding;

/// <summary>Matches JSON property names (ASCII case-insensitive) against the fields the decoder reads.</summary>
internal static class JsonFieldNames
{
    private const int MaxEscapedNameLength = 64;

    public static JsonField MatchTopLevel(ref Utf8JsonReader reader) => Match(ref reader, Container.None);

    /// <summary>Inside <c>metadata</c>/<c>$metadata</c> both the <c>$</c> and the plain spelling count.</summary>
    public static JsonField MatchMetadata(ref Utf8JsonReader reader) => Match(ref reader, Container.Metadata);

    /// <summary>Inside <c>meta</c> only the message's own id counts.</summary>
    public static JsonField MatchMeta(ref Utf8JsonReader reader) => Match(ref reader, Container.Meta);

    private static JsonField MatchTopLevel(ReadOnlySpan<byte> name)
    {
        return name.Length switch
        {
            2 when Is(name, "id"u8) => JsonField.Id,
            4 when Is(name, "type"u8) => JsonField.Type,
            4 when Is(name, "meta"u8) => JsonField.Meta,
            5 when Is(name, "$type"u8) => JsonField.DotNetType,
            6 when Is(name, "source"u8) => JsonField.Source,
            7 when Is(name, "subject"u8) => JsonField.Subject,
            7 when Is(name, "eventId"u8) => JsonField.EventId,
            8 when Is(name, "metadata"u8) => JsonField.Metadata,
            8 when Is(name, "$eventId"u8) => JsonField.EventId,
            9 when Is(name, "eventType"u8) => JsonField.EventType,
            9 when Is(name, "$metadata"u8) => JsonField.Metadata,
            9 when Is(name, "messageId"u8) => JsonField.MessageId,
            10 when Is(name, "$messageId"u8) => JsonField.MessageId,
            11 when Is(name, "specversion"u8) => JsonField.SpecVersion,
            11 when Is(name, "traceparent"u8) => JsonField.TraceParent,
            11 when Is(name, "messageType"u8) => JsonField.MessageType,
            11 when Is(name, "causationid"u8) => JsonField.CausationId,
            12 when Is(name, "$causationId"u8) => JsonField.KurrentCausationId,
            13 when Is(name, "correlationid"u8) => JsonField.CorrelationId,
            14 when Is(name, "$correlationId"u8) => JsonField.KurrentCorrelationId,
            _ => JsonField.None,
        };
    }

    private static JsonField MatchMetadata(ReadOnlySpan<byte> name)
    {
        if (name.Length > 0 && name[0] == (byte)'$')
        {
            name = name[1..];
        }

        return name.Length switch
        {
            7 when Is(name, "eventId"u8) => JsonField.MetadataEventId,
            9 when Is(name, "messageId"u8) => JsonField.MetadataMessageId,
            11 when Is(name, "causationId"u8) => JsonField.KurrentCausationId,
            13 when Is(name, "correlationId"u8) => JsonField.KurrentCorrelationId,
            _ => JsonField.None,
        };
    }

    private static JsonField MatchMeta(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when Is(name, "eventId"u8) => JsonField.MetaEventId,
        9 when Is(name, "messageId"u8) => JsonField.MetaMessageId,
        _ => JsonField.None,
    };

    private static JsonField Match(ref Utf8JsonReader reader, Container container)
    {
        if (!reader.ValueIsEscaped)
        {
            return Match(reader.ValueSpan, container);
        }

        // Escaped names are rare; unescape the short ones, ignore the rest (none of ours is long).
        if (reader.ValueSpan.Length > MaxEscapedNameLength)
        {
            return JsonField.None;
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedNameLength];
        var name = buffer[..reader.CopyString(buffer)];
        return Match(name, container);
    }

    private static JsonField Match(ReadOnlySpan<byte> name, Container container) => container switch
    {
        Container.Metadata => MatchMetadata(name),
        Container.Meta => MatchMeta(name),
        _ => MatchTopLevel(name),
    };

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => Ascii.EqualsIgnoreCase(name, expected);

    private enum Container
    {
        None,
        Metadata,
        Meta,
    }
}
