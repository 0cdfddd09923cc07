using System.Text.Json;
using Google.Protobuf.Reflection;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>One field of a compiled message: everything the wire walk needs, resolved once.</summary>
internal sealed class ProtoFieldLayout
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required JsonEncodedText JsonName { get; init; }
    public required FieldDescriptorProto.Type Type { get; init; }
    public required bool IsRepeated { get; init; }

    /// <summary>The index of this field in its message's field list; the walk buckets occurrences by it.</summary>
    public required int Slot { get; init; }

    /// <summary>-1 when the field is not in a oneof (proto3 optional fields are in a synthetic one, which is harmless).</summary>
    public required int OneofIndex { get; init; }

    /// <summary>Set for message and group fields (for maps: the entry type).</summary>
    public ProtoMessageLayout? Message { get; set; }

    public ProtoEnumLayout? Enum { get; set; }

    public bool IsMap => IsRepeated && Message is { IsMapEntry: true };

    /// <summary>Numeric scalars and enums may arrive packed in one length-delimited run.</summary>
    public bool IsPackable => ExpectedWireType is ProtoWireType.Varint or ProtoWireType.Fixed32 or ProtoWireType.Fixed64;

    public ProtoWireType ExpectedWireType => Type switch
    {
        FieldDescriptorProto.Type.TypeDouble or FieldDescriptorProto.Type.TypeFixed64 or FieldDescriptorProto.Type.TypeSfixed64 =>
            ProtoWireType.Fixed64,
        FieldDescriptorProto.Type.TypeFloat or FieldDescriptorProto.Type.TypeFixed32 or FieldDescriptorProto.Type.TypeSfixed32 =>
            ProtoWireType.Fixed32,
        FieldDescriptorProto.Type.TypeString or FieldDescriptorProto.Type.TypeBytes or FieldDescriptorProto.Type.TypeMessage =>
            ProtoWireType.LengthDelimited,
        FieldDescriptorProto.Type.TypeGroup => ProtoWireType.StartGroup,
        _ => ProtoWireType.Varint,
    };
}
