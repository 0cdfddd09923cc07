namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>One field occurrence without a schema; <see cref="Order"/> keeps wire order among equal field numbers.</summary>
internal readonly record struct ProtoRawField(int Number, ProtoWireType Wire, ulong Value, int Start, int Length, int Order);
