namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// Where one message's occurrences live in the writer's shared stacks: entries from <see cref="EntryBase"/>, and per
/// field slot (the last slot holds unknown fields) the first and last occurrence.
/// </summary>
internal readonly record struct ProtoScan(int EntryBase, int HeadBase, int SlotCount)
{
    public int UnknownSlot => SlotCount - 1;
}
