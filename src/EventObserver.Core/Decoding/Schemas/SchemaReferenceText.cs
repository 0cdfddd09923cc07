namespace EventObserver.Core.Decoding.Schemas;

/// <summary>A schema another schema refers to (a Protobuf import, an Avro named type), resolved to its text.</summary>
/// <param name="Name">The name it is referred by (the import path for Protobuf).</param>
public sealed record SchemaReferenceText(string Name, string Text);
