namespace EventObserver.Features.Schemas;

/// <summary>A schema the main one refers to (a Protobuf import path, an Avro named type) and its text.</summary>
public sealed record SchemaReferenceDto(string Name, string Text);
