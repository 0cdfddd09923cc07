namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>A message's full name and its nested messages, as Confluent's message indexes count them.</summary>
internal sealed record ProtoMessageNode(string FullName, IReadOnlyList<ProtoMessageNode> Nested);
