using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventObserver.ApiDocs;

/// <summary>
/// A nullable property holding any JSON (<c>JsonNode?</c>, e.g. a replay's state) is generated as "null, or any value":
/// null then matches both choices, which a <c>oneOf</c> forbids, so a valid <c>null</c> would fail validation. Any JSON
/// already includes null: such a property becomes the plain "any value" schema, keeping its description.
/// </summary>
public sealed class AnyJsonSchemaTransformer : IOpenApiDocumentTransformer
{
    private const string AnyJson = "JsonNode";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Properties is not { } properties)
            {
                continue;
            }

            foreach (var (name, property) in properties.ToList())
            {
                if (property is OpenApiSchema { OneOf: { Count: 2 } choices }
                    && choices.Any(c => c.Type == JsonSchemaType.Null)
                    && choices.OfType<OpenApiSchemaReference>().FirstOrDefault(c => c.Reference.Id == AnyJson) is { } any)
                {
                    properties[name] = new OpenApiSchema { Description = any.Description };
                }
            }
        }

        return Task.CompletedTask;
    }
}
