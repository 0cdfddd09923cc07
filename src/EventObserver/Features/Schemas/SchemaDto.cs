using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Features.Schemas;

/// <summary>A schema as <c>/api/schemas/{id}</c> gives it; <see cref="Format"/> is Avro, Protobuf or Json (JSON Schema).</summary>
public sealed record SchemaDto(int Id, SchemaFormat Format, string? Subject, int? Version, string Text, IReadOnlyList<SchemaReferenceDto> References)
{
    public static SchemaDto From(RegisteredSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new(schema.Id, schema.Format, schema.Subject, schema.Version, schema.Text,
            [.. schema.References.Select(r => new SchemaReferenceDto(r.Name, r.Text))]);
    }
}
