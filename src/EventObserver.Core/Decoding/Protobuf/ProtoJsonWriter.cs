using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// Walks one message's wire format against its compiled layout and writes the proto3 canonical JSON. Each message is
/// scanned once into shared stacks (occurrences chained per field), then written in declaration order, so repeated
/// fields split across the wire, last-wins scalars, merged messages and oneofs come out right. One instance per thread.
/// </summary>
internal sealed partial class ProtoJsonWriter
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 4 * ProtoWireReader.MaxDepth,
    };

    private static readonly JsonEncodedText s_unknown = JsonEncodedText.Encode("_unknown");

    [ThreadStatic]
    private static ProtoJsonWriter? t_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private ProtoEntry[] _entries = new ProtoEntry[64];
    private int[] _ints = new int[64];
    private int _entryTop;
    private int _intTop;
    private ProtoSchema _schema = null!;

    private ProtoJsonWriter()
    {
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public static byte[] ToJson(ProtoSchema schema, ProtoMessageLayout layout, ReadOnlySpan<byte> body)
    {
        // Taken off the thread while in use, so a nested call (none today) could never share its stacks.
        var writer = t_cached ?? new ProtoJsonWriter();
        t_cached = null;
        try
        {
            return writer.Write(schema, layout, body);
        }
        finally
        {
            if (writer.Reset())
            {
                t_cached = writer;
            }
        }
    }

    private byte[] Write(ProtoSchema schema, ProtoMessageLayout layout, ReadOnlySpan<byte> body)
    {
        _schema = schema;
        WriteMessage(layout, body, 0, 0);
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>False when the writer should not stay cached: a huge message once should not pin its buffer to the thread.</summary>
    private bool Reset()
    {
        _entryTop = 0;
        _intTop = 0;
        _schema = null!;
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        return _buffer.Capacity <= 1 << 20 && _entries.Length <= 1 << 16;
    }

    private void WriteMessage(ProtoMessageLayout layout, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        if (depth > ProtoWireReader.MaxDepth)
        {
            throw ProtoWireReader.Corrupt($"messages nested deeper than {ProtoWireReader.MaxDepth} at byte {baseOffset}");
        }

        var scan = Scan(layout, data, baseOffset, depth);
        if (layout.WellKnown == ProtoWellKnown.None || !TryWriteWellKnown(layout, scan, data, baseOffset, depth))
        {
            _json.WriteStartObject();
            WriteFields(layout, scan, data, baseOffset, depth);
            _json.WriteEndObject();
        }

        Release(scan);
    }

    private void WriteFields(ProtoMessageLayout layout, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var fields = layout.Fields;
        Span<int> winners = layout.OneofCount <= 32 ? stackalloc int[layout.OneofCount] : new int[layout.OneofCount];
        if (layout.OneofCount > 0)
        {
            ChooseOneofWinners(fields, scan, winners);
        }

        foreach (var field in fields)
        {
            var head = Head(scan, field.Slot);
            if (head < 0 || (field.OneofIndex >= 0 && (uint)field.OneofIndex < (uint)winners.Length && winners[field.OneofIndex] != field.Slot))
            {
                continue;
            }

            _json.WritePropertyName(field.JsonName);
            WriteField(field, scan, data, baseOffset, depth);
        }

        if (Head(scan, scan.UnknownSlot) >= 0)
        {
            _json.WritePropertyName(s_unknown);
            WriteUnknown(scan, data);
        }
    }

    /// <summary>Of a oneof's members only the one set last on the wire counts, as a Protobuf parser would keep it.</summary>
    private void ChooseOneofWinners(ProtoFieldLayout[] fields, ProtoScan scan, Span<int> winners)
    {
        winners.Fill(-1);
        foreach (var field in fields)
        {
            var tail = Tail(scan, field.Slot);
            if (field.OneofIndex < 0 || field.OneofIndex >= winners.Length || tail < 0)
            {
                continue;
            }

            ref var winner = ref winners[field.OneofIndex];
            if (winner < 0 || Tail(scan, winner) < tail)
            {
                winner = field.Slot;
            }
        }
    }

    private void WriteField(ProtoFieldLayout field, ProtoScan scan, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var head = Head(scan, field.Slot);
        if (field.IsMap)
        {
            WriteMap(field, head, data, baseOffset, depth);
        }
        else if (field.IsRepeated)
        {
            _json.WriteStartArray();
            for (var i = head; i >= 0; i = _entries[i].Next)
            {
                var entry = _entries[i];
                if (entry.Wire == ProtoWireType.LengthDelimited && field.IsPackable)
                {
                    WritePacked(field, data.Slice(entry.Start, entry.Length), baseOffset + entry.Start);
                }
                else
                {
                    WriteSingle(field, entry, data, baseOffset, depth);
                }
            }

            _json.WriteEndArray();
        }
        else if (field.Message is not null && head != Tail(scan, field.Slot))
        {
            WriteMergedMessage(field, head, data, depth);
        }
        else
        {
            WriteSingle(field, _entries[Tail(scan, field.Slot)], data, baseOffset, depth);
        }
    }

    /// <summary>A singular message sent more than once is merged, which on the wire is the same as concatenating them.</summary>
    private void WriteMergedMessage(ProtoFieldLayout field, int head, ReadOnlySpan<byte> data, int depth)
    {
        var total = 0;
        for (var i = head; i >= 0; i = _entries[i].Next)
        {
            total += _entries[i].Length;
        }

        var merged = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var length = 0;
            for (var i = head; i >= 0; i = _entries[i].Next)
            {
                data.Slice(_entries[i].Start, _entries[i].Length).CopyTo(merged.AsSpan(length));
                length += _entries[i].Length;
            }

            WriteMessage(field.Message!, merged.AsSpan(0, length), _entries[head].Offset, depth + 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(merged);
        }
    }

    private void WriteUnknown(ProtoScan scan, ReadOnlySpan<byte> data)
    {
        var count = 0;
        for (var i = Head(scan, scan.UnknownSlot); i >= 0; i = _entries[i].Next)
        {
            count++;
        }

        var occurrences = new ProtoRawField[count];
        var n = 0;
        for (var i = Head(scan, scan.UnknownSlot); i >= 0; i = _entries[i].Next)
        {
            var entry = _entries[i];
            occurrences[n++] = new ProtoRawField(entry.Number, entry.Wire, entry.Value, entry.Start, entry.Length, n);
        }

        ProtoRawWriter.WriteObject(_json, occurrences, data, 1);
    }
}
