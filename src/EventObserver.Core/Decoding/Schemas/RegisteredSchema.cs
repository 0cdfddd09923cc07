namespace EventObserver.Core.Decoding.Schemas;

/// <summary>A schema as the registry holds it, with its references already resolved to text.</summary>
public sealed record RegisteredSchema
{
    public required int Id { get; init; }
    public required SchemaFormat Format { get; init; }
    public required string Text { get; init; }
    public string? Subject { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<SchemaReferenceText> References { get; init; } = [];
}
