namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>One field occurrence found on the wire; occurrences of the same field are chained through <see cref="Next"/>.</summary>
internal struct ProtoEntry
{
    public int Number;
    public ProtoWireType Wire;

    /// <summary>The tag's offset within the whole payload, for messages about it.</summary>
    public int Offset;

    /// <summary>Varint and fixed values, raw.</summary>
    public ulong Value;

    /// <summary>Length-delimited payload or group content, relative to the span of the message that holds it.</summary>
    public int Start;
    public int Length;
    public int Next;
}
