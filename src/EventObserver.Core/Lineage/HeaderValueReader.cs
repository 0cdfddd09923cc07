using EventObserver.Core.Decoding;

namespace EventObserver.Core.Lineage;

/// <summary>Turns raw header bytes into a lineage value according to the rule's <see cref="HeaderValueKind"/>.</summary>
internal static class HeaderValueReader
{
    public static string? Read(byte[]? value, HeaderValueKind kind)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        return kind switch
        {
            HeaderValueKind.Text => Utf8Text.DecodeOrHex(value),
            HeaderValueKind.TextOnly => Utf8Text.TryDecode(value),
            HeaderValueKind.MessageTypeName => Map(Utf8Text.TryDecode(value), TypeNames.FromMessageTypeHeader),
            HeaderValueKind.ClassName => Map(Utf8Text.TryDecode(value), TypeNames.SimplifyClassName),
            HeaderValueKind.Address => Map(Utf8Text.TryDecode(value), TypeNames.LastPathSegment),
            HeaderValueKind.TraceParent => TraceParent.TryGetTraceId(Utf8Text.TryDecode(value)),
            HeaderValueKind.Number => DeadLetterHeaders.ReadNumber(value),
            _ => null,
        };
    }

    private static string? Map(string? text, Func<string, string> map) => text is null ? null : map(text);
}
