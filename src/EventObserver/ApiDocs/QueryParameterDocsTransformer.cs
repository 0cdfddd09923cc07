using System.Globalization;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventObserver.ApiDocs;

/// <summary>
/// Writes an endpoint's <see cref="QueryParameterDoc"/>s into its operation: as new query parameters (those its custom
/// binders read), or onto the generated parameter of that name (ranges and defaults the handler's signature cannot state).
/// </summary>
public sealed class QueryParameterDocsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var doc in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterDoc>())
        {
            operation.Parameters ??= [];
            var existing = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && string.Equals(p.Name, doc.Name, StringComparison.OrdinalIgnoreCase));
            if (existing is OpenApiParameter generated)
            {
                generated.Description ??= doc.Description;
                generated.Schema = Schema(doc);
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = doc.Name,
                In = ParameterLocation.Query,
                Description = doc.Description,
                Required = false,
                Schema = doc.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schema(doc) } : Schema(doc),
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(QueryParameterDoc doc) => new()
    {
        Type = doc.Type == QueryParameterDoc.Integer ? JsonSchemaType.Integer : JsonSchemaType.String,
        Format = doc.Format,
        Minimum = doc.Minimum?.ToString(CultureInfo.InvariantCulture),
        Maximum = doc.Maximum?.ToString(CultureInfo.InvariantCulture),
        Default = doc.Default is null ? null : JsonValue.Create(doc.Default),
        Enum = doc.Allowed?.Select(a => (JsonNode)JsonValue.Create(a)).ToList(),
    };
}
