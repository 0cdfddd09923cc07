using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using Google.Protobuf.Reflection;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>Scalars, packed runs and maps.</summary>
internal sealed partial class ProtoJsonWriter
{
    private void WriteSingle(ProtoFieldLayout field, in ProtoEntry entry, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        switch (field.Type)
        {
            case FieldDescriptorProto.Type.TypeString:
                WriteText(data.Slice(entry.Start, entry.Length));
                break;
            case FieldDescriptorProto.Type.TypeBytes:
                _json.WriteBase64StringValue(data.Slice(entry.Start, entry.Length));
                break;
            case FieldDescriptorProto.Type.TypeMessage:
            case FieldDescriptorProto.Type.TypeGroup:
                WriteMessage(field.Message!, data.Slice(entry.Start, entry.Length), baseOffset + entry.Start, depth + 1);
                break;
            default:
                WriteScalar(field, entry.Value);
                break;
        }
    }

    private void WritePacked(ProtoFieldLayout field, ReadOnlySpan<byte> run, int baseOffset)
    {
        var reader = new ProtoWireReader(run, baseOffset);
        while (!reader.End)
        {
            var value = field.ExpectedWireType switch
            {
                ProtoWireType.Fixed32 => reader.ReadFixed32(),
                ProtoWireType.Fixed64 => reader.ReadFixed64(),
                _ => reader.ReadVarint(),
            };
            WriteScalar(field, value);
        }
    }

    /// <summary>Numbers, bools and enums from their raw wire value; 64-bit integers as strings, as proto3 JSON has them.</summary>
    private void WriteScalar(ProtoFieldLayout field, ulong value)
    {
        switch (field.Type)
        {
            case FieldDescriptorProto.Type.TypeDouble:
                WriteDouble(BitConverter.UInt64BitsToDouble(value));
                break;
            case FieldDescriptorProto.Type.TypeFloat:
                WriteFloat(BitConverter.UInt32BitsToSingle((uint)value));
                break;
            case FieldDescriptorProto.Type.TypeInt64:
            case FieldDescriptorProto.Type.TypeSfixed64:
                WriteInt64String((long)value);
                break;
            case FieldDescriptorProto.Type.TypeUint64:
            case FieldDescriptorProto.Type.TypeFixed64:
                WriteUInt64String(value);
                break;
            case FieldDescriptorProto.Type.TypeSint64:
                WriteInt64String(ProtoWireReader.ZigZag64(value));
                break;
            case FieldDescriptorProto.Type.TypeInt32:
            case FieldDescriptorProto.Type.TypeSfixed32:
                _json.WriteNumberValue((int)value);
                break;
            case FieldDescriptorProto.Type.TypeUint32:
            case FieldDescriptorProto.Type.TypeFixed32:
                _json.WriteNumberValue((uint)value);
                break;
            case FieldDescriptorProto.Type.TypeSint32:
                _json.WriteNumberValue(ProtoWireReader.ZigZag32((uint)value));
                break;
            case FieldDescriptorProto.Type.TypeBool:
                _json.WriteBooleanValue(value != 0);
                break;
            case FieldDescriptorProto.Type.TypeEnum:
                WriteEnum(field.Enum!, (int)value);
                break;
            default:
                throw new InvalidOperationException($"Field type {field.Type} has no scalar value.");
        }
    }

    private void WriteEnum(ProtoEnumLayout layout, int number)
    {
        if (layout.IsNullValue)
        {
            _json.WriteNullValue();
        }
        else if (layout.TryGetName(number, out var name))
        {
            _json.WriteStringValue(name);
        }
        else
        {
            _json.WriteNumberValue(number);
        }
    }

    /// <summary>A field that is absent on the wire has its default (maps' missing values need it).</summary>
    private void WriteDefault(ProtoFieldLayout field, int baseOffset, int depth)
    {
        switch (field.Type)
        {
            case FieldDescriptorProto.Type.TypeString:
            case FieldDescriptorProto.Type.TypeBytes:
                _json.WriteStringValue(string.Empty);
                break;
            case FieldDescriptorProto.Type.TypeMessage:
            case FieldDescriptorProto.Type.TypeGroup:
                WriteMessage(field.Message!, [], baseOffset, depth + 1);
                break;
            default:
                WriteScalar(field, 0);
                break;
        }
    }

    private void WriteMap(ProtoFieldLayout field, int head, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var entryLayout = field.Message!;
        var keyField = entryLayout.Find(1);
        var valueField = entryLayout.Find(2);
        if (keyField is null || valueField is null)
        {
            throw ProtoWireReader.Corrupt($"map entry {entryLayout.FullName} lacks its key or value field");
        }

        _json.WriteStartObject();
        for (var i = head; i >= 0; i = _entries[i].Next)
        {
            var entry = _entries[i];
            var entryData = data.Slice(entry.Start, entry.Length);
            var entryOffset = baseOffset + entry.Start;
            var key = new ProtoEntry { Number = 0 };
            var value = new ProtoEntry { Number = 0 };
            var reader = new ProtoWireReader(entryData, entryOffset);
            while (!reader.End)
            {
                var item = new ProtoEntry { Offset = reader.Offset, Next = -1 };
                reader.ReadTag(out item.Number, out item.Wire);
                var itemField = item.Number == 1 ? keyField : item.Number == 2 ? valueField : null;
                if (itemField is not null && !Fits(itemField, item.Wire))
                {
                    throw Mismatch(entryLayout, itemField, item);
                }

                switch (item.Wire)
                {
                    case ProtoWireType.Varint:
                        item.Value = reader.ReadVarint();
                        break;
                    case ProtoWireType.Fixed64:
                        item.Value = reader.ReadFixed64();
                        break;
                    case ProtoWireType.Fixed32:
                        item.Value = reader.ReadFixed32();
                        break;
                    case ProtoWireType.LengthDelimited:
                        item.Start = reader.ReadLengthDelimited(out item.Length);
                        break;
                    case ProtoWireType.StartGroup:
                        item.Start = reader.SkipGroup(item.Number, depth + 2, out item.Length);
                        break;
                    default:
                        throw ProtoWireReader.Corrupt($"end-group {item.Number} without a start at byte {item.Offset}");
                }

                if (item.Number == 1)
                {
                    key = item;
                }
                else if (item.Number == 2)
                {
                    value = item;
                }
            }

            WriteMapKey(keyField, key, entryData);
            if (value.Number == 0)
            {
                WriteDefault(valueField, entryOffset, depth + 1);
            }
            else
            {
                WriteSingle(valueField, value, entryData, entryOffset, depth + 1);
            }
        }

        _json.WriteEndObject();
    }

    private void WriteMapKey(ProtoFieldLayout keyField, in ProtoEntry key, ReadOnlySpan<byte> entryData)
    {
        if (keyField.Type == FieldDescriptorProto.Type.TypeString)
        {
            var text = key.Number == 0 ? [] : entryData.Slice(key.Start, key.Length);
            if (Utf8.IsValid(text))
            {
                _json.WritePropertyName(text);
            }
            else
            {
                _json.WritePropertyName(Encoding.UTF8.GetString(text));
            }

            return;
        }

        Span<byte> digits = stackalloc byte[24];
        var raw = key.Value;
        int written;
        var ok = keyField.Type switch
        {
            FieldDescriptorProto.Type.TypeBool => Utf8Formatter.TryFormat(raw != 0, digits, out written, 'l'),
            FieldDescriptorProto.Type.TypeInt32 or FieldDescriptorProto.Type.TypeSfixed32 =>
                Utf8Formatter.TryFormat((int)raw, digits, out written),
            FieldDescriptorProto.Type.TypeUint32 or FieldDescriptorProto.Type.TypeFixed32 =>
                Utf8Formatter.TryFormat((uint)raw, digits, out written),
            FieldDescriptorProto.Type.TypeSint32 => Utf8Formatter.TryFormat(ProtoWireReader.ZigZag32((uint)raw), digits, out written),
            FieldDescriptorProto.Type.TypeSint64 => Utf8Formatter.TryFormat(ProtoWireReader.ZigZag64(raw), digits, out written),
            FieldDescriptorProto.Type.TypeInt64 or FieldDescriptorProto.Type.TypeSfixed64 =>
                Utf8Formatter.TryFormat((long)raw, digits, out written),
            _ => Utf8Formatter.TryFormat(raw, digits, out written),
        };
        _json.WritePropertyName(digits[..(ok ? written : 0)]);
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            _json.WriteStringValue(utf8);
        }
        else
        {
            // Proto3 parsers reject such a string; a viewer shows it with replacement characters instead of failing.
            _json.WriteStringValue(Encoding.UTF8.GetString(utf8));
        }
    }

    private void WriteInt64String(long value)
    {
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, digits, out var written);
        _json.WriteStringValue(digits[..written]);
    }

    private void WriteUInt64String(ulong value)
    {
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, digits, out var written);
        _json.WriteStringValue(digits[..written]);
    }

    private void WriteDouble(double value)
    {
        if (double.IsFinite(value))
        {
            _json.WriteNumberValue(value);
        }
        else
        {
            _json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private void WriteFloat(float value)
    {
        if (float.IsFinite(value))
        {
            _json.WriteNumberValue(value);
        }
        else
        {
            _json.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
