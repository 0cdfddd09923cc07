using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>The first pass over a message: occurrences into the shared stacks, wire types checked against the schema.</summary>
internal sealed partial class ProtoJsonWriter
{
    private ProtoScan Scan(ProtoMessageLayout layout, ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        var slotCount = layout.Fields.Length + 1;
        var scan = new ProtoScan(_entryTop, _intTop, slotCount);
        EnsureInts(slotCount * 2);
        _ints.AsSpan(_intTop, slotCount * 2).Fill(-1);
        _intTop += slotCount * 2;
        var reader = new ProtoWireReader(data, baseOffset);
        while (!reader.End)
        {
            var entry = new ProtoEntry { Offset = reader.Offset, Next = -1 };
            reader.ReadTag(out entry.Number, out entry.Wire);
            switch (entry.Wire)
            {
                case ProtoWireType.Varint:
                    entry.Value = reader.ReadVarint();
                    break;
                case ProtoWireType.Fixed64:
                    entry.Value = reader.ReadFixed64();
                    break;
                case ProtoWireType.Fixed32:
                    entry.Value = reader.ReadFixed32();
                    break;
                case ProtoWireType.LengthDelimited:
                    entry.Start = reader.ReadLengthDelimited(out entry.Length);
                    break;
                case ProtoWireType.StartGroup:
                    entry.Start = reader.SkipGroup(entry.Number, depth + 1, out entry.Length);
                    break;
                default:
                    throw ProtoWireReader.Corrupt($"end-group {entry.Number} without a start at byte {entry.Offset}");
            }

            var field = layout.Find(entry.Number);
            if (field is not null && !Fits(field, entry.Wire))
            {
                throw Mismatch(layout, field, entry);
            }

            Link(scan, field?.Slot ?? scan.UnknownSlot, entry);
        }

        return scan;
    }

    private void Link(ProtoScan scan, int slot, in ProtoEntry entry)
    {
        if (_entryTop == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var index = _entryTop++;
        _entries[index] = entry;
        ref var head = ref _ints[scan.HeadBase + slot];
        ref var tail = ref _ints[scan.HeadBase + scan.SlotCount + slot];
        if (tail < 0)
        {
            head = index;
        }
        else
        {
            _entries[tail].Next = index;
        }

        tail = index;
    }

    private void Release(ProtoScan scan)
    {
        _entryTop = scan.EntryBase;
        _intTop = scan.HeadBase;
    }

    private void EnsureInts(int more)
    {
        if (_intTop + more > _ints.Length)
        {
            Array.Resize(ref _ints, Math.Max(_ints.Length * 2, _intTop + more));
        }
    }

    private int Head(ProtoScan scan, int slot) => _ints[scan.HeadBase + slot];

    private int Tail(ProtoScan scan, int slot) => _ints[scan.HeadBase + scan.SlotCount + slot];

    private static bool Fits(ProtoFieldLayout field, ProtoWireType wire) =>
        wire == field.ExpectedWireType || (wire == ProtoWireType.LengthDelimited && field.IsRepeated && field.IsPackable);

    private static PayloadDecodeException Mismatch(ProtoMessageLayout layout, ProtoFieldLayout field, in ProtoEntry entry) =>
        new(DecodeStatus.SchemaMismatch,
            $"Protobuf: field '{field.Name}' ({field.Number}) of {layout.FullName} is {Describe(field.ExpectedWireType)}, "
            + $"but byte {entry.Offset} carries {Describe(entry.Wire)}");

    private static string Describe(ProtoWireType wire) => wire switch
    {
        ProtoWireType.Varint => "varint",
        ProtoWireType.Fixed64 => "fixed64",
        ProtoWireType.Fixed32 => "fixed32",
        ProtoWireType.LengthDelimited => "length-delimited",
        _ => "group",
    };
}
