using System.Text;
using System.Text.Json;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>The well-known types' canonical JSON; false lets the caller write the plain object instead (e.g. out of range).</summary>
internal sealed partial class ProtoJsonWriter
{
    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private const long MaxDurationSeconds = 315_576_000_000;

    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("@type");
    private static readonly JsonEncodedText s_value = JsonEncodedText.Encode("value");

    private bool TryWriteWellKnown(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        switch (layout.WellKnown)
        {
            case ProtoWellKnown.Timestamp:
                return TryWriteTimestamp(layout, scan);
            case ProtoWellKnown.Duration:
                return TryWriteDuration(layout, scan);
            case ProtoWellKnown.Wrapper:
            case ProtoWellKnown.Struct:
                return TryWriteOnlyField(layout, scan, data, baseOffset, depth);
            case ProtoWellKnown.ListValue:
                var values = layout.Find(1);
                if (values is null)
                {
                    return false;
                }

                if (Head(scan, values.Slot) < 0)
                {
                    _json.WriteStartArray();
                    _json.WriteEndArray();
                    return true;
                }

                WriteField(values, scan, data, baseOffset, depth);
                return true;
            case ProtoWellKnown.Value:
                return TryWriteValue(layout, scan, data, baseOffset, depth);
            case ProtoWellKnown.Any:
                return TryWriteAny(layout, scan, data, baseOffset, depth);
            case ProtoWellKnown.FieldMask:
                return TryWriteFieldMask(layout, scan, data);
            default:
                return false;
        }
    }

    private bool TryGetValue(ProtoMessageLayout layout, ProtoScan scan, int number, out long value)
    {
        value = 0;
        var field = layout.Find(number);
        if (field is null)
        {
            return false;
        }

        var tail = Tail(scan, field.Slot);
        value = tail < 0 ? 0 : field.ExpectedWireType == ProtoWireType.Varint && field.Type is not Google.Protobuf.Reflection.FieldDescriptorProto.Type.TypeInt64
            ? (int)_entries[tail].Value
            : (long)_entries[tail].Value;
        return true;
    }

    private bool TryWriteTimestamp(ProtoMessageLayout layout, ProtoScan scan)
    {
        if (!TryGetValue(layout, scan, 1, out var seconds) || !TryGetValue(layout, scan, 2, out var nanos)
            || seconds is < MinTimestampSeconds or > MaxTimestampSeconds || nanos is < 0 or > 999_999_999)
        {
            return false;
        }

        // Written digit by digit: a custom DateTime format string costs more than the rest of a typical message.
        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        Span<byte> text = stackalloc byte[32];
        Digits(text[..4], time.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), time.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), time.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), time.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), time.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), time.Second);
        var written = 19 + WriteFraction(text[19..], (int)nanos);
        text[written++] = (byte)'Z';
        _json.WriteStringValue(text[..written]);
        return true;
    }

    private bool TryWriteDuration(ProtoMessageLayout layout, ProtoScan scan)
    {
        if (!TryGetValue(layout, scan, 1, out var seconds) || !TryGetValue(layout, scan, 2, out var nanos)
            || Math.Abs(seconds) > MaxDurationSeconds || Math.Abs(nanos) > 999_999_999
            || (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0))
        {
            return false;
        }

        Span<byte> text = stackalloc byte[40];
        var written = 0;
        if (seconds < 0 || nanos < 0)
        {
            text[written++] = (byte)'-';
        }

        System.Buffers.Text.Utf8Formatter.TryFormat(Math.Abs(seconds), text[written..], out var digits);
        written += digits;
        written += WriteFraction(text[written..], (int)Math.Abs(nanos));
        text[written++] = (byte)'s';
        _json.WriteStringValue(text[..written]);
        return true;
    }

    /// <summary>Canonical JSON shows 0, 3, 6 or 9 fractional digits, the fewest that keep the value.</summary>
    private static int WriteFraction(Span<byte> text, int nanos)
    {
        if (nanos == 0)
        {
            return 0;
        }

        var (value, digits) = nanos % 1_000_000 == 0 ? (nanos / 1_000_000, 3) : nanos % 1_000 == 0 ? (nanos / 1_000, 6) : (nanos, 9);
        text[0] = (byte)'.';
        Digits(text.Slice(1, digits), value);
        return digits + 1;
    }

    /// <summary>Zero-padded decimal digits filling <paramref name="text"/>.</summary>
    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Wrappers are their <c>value</c>; a Struct is its <c>fields</c> map.</summary>
    private bool TryWriteOnlyField(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var field = layout.Find(1);
        if (field is null || Head(scan, field.Slot) < 0)
        {
            if (field is null || field.IsMap)
            {
                return false;
            }

            WriteDefault(field, baseOffset, depth);
            return true;
        }

        WriteField(field, scan, data, baseOffset, depth);
        return true;
    }

    /// <summary>A Value is whichever of its kinds was set last; none set is null.</summary>
    private bool TryWriteValue(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        ProtoFieldLayout? set = null;
        foreach (var field in layout.Fields)
        {
            var tail = Tail(scan, field.Slot);
            if (tail >= 0 && (set is null || Tail(scan, set.Slot) < tail))
            {
                set = field;
            }
        }

        if (set is null)
        {
            _json.WriteNullValue();
            return true;
        }

        WriteSingle(set, _entries[Tail(scan, set.Slot)], data, baseOffset, depth);
        return true;
    }

    /// <summary>
    /// An Any whose type this schema knows is shown inline with its <c>@type</c>, as canonical JSON does; any other keeps
    /// its bytes as base64 next to the type URL.
    /// </summary>
    private bool TryWriteAny(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var urlField = layout.Find(1);
        var valueField = layout.Find(2);
        if (urlField is null || valueField is null)
        {
            return false;
        }

        var urlEntry = Tail(scan, urlField.Slot);
        var valueEntry = Tail(scan, valueField.Slot);
        var url = urlEntry < 0 ? string.Empty : Encoding.UTF8.GetString(data.Slice(_entries[urlEntry].Start, _entries[urlEntry].Length));
        var value = valueEntry < 0 ? [] : data.Slice(_entries[valueEntry].Start, _entries[valueEntry].Length);
        var valueOffset = valueEntry < 0 ? baseOffset : baseOffset + _entries[valueEntry].Start;
        _json.WriteStartObject();
        _json.WriteString(s_type, url);
        if (_schema.Messages.TryGetValue(url[(url.LastIndexOf('/') + 1)..], out var inner))
        {
            if (inner.WellKnown == ProtoWellKnown.None)
            {
                var innerScan = Scan(inner, value, valueOffset, depth + 1);
                WriteFields(inner, innerScan, value, valueOffset, depth + 1);
                Release(innerScan);
            }
            else
            {
                _json.WritePropertyName(s_value);
                WriteMessage(inner, value, valueOffset, depth + 1);
            }
        }
        else
        {
            _json.WritePropertyName(s_value);
            _json.WriteBase64StringValue(value);
        }

        _json.WriteEndObject();
        return true;
    }

    private bool TryWriteFieldMask(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data)
    {
        var paths = layout.Find(1);
        if (paths is null || !paths.IsRepeated)
        {
            return false;
        }

        var text = new StringBuilder();
        for (var i = Head(scan, paths.Slot); i >= 0; i = _entries[i].Next)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            var path = Encoding.UTF8.GetString(data.Slice(_entries[i].Start, _entries[i].Length));
            text.Append(string.Join('.', path.Split('.').Select(ProtoSchemaCompiler.ToJsonName)));
        }

        _json.WriteStringValue(text.ToString());
        return true;
    }
}
