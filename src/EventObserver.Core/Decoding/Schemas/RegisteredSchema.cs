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

    /// <summary>
    /// Every subject and version holding this id, as the registry lists them (<see cref="Subject"/> and
    /// <see cref="Version"/> are the first); the same schema registered for several topics has one id in each subject.
    /// </summary>
    public IReadOnlyList<SchemaPlace> Places { get; init; } = [];
}
