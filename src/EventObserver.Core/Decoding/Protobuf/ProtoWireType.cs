namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>The low three bits of a Protobuf tag.</summary>
internal enum ProtoWireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
