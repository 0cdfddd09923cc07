using System.Text.Json;
using System.Text.Json.Nodes;

using Json.Schema;

namespace EventObserver.Tests.OpenApi;

/// <summary>
/// Validates a JSON value against a schema of an OpenAPI 3.1 document (JSON Schema 2020-12, JsonSchema.Net): the
/// document's component schemas become <c>$defs</c> of one schema, so its <c>$ref</c>s resolve.
/// </summary>
public static class SchemaValidator
{
    private const string Components = "#/components/schemas/";
    private const string Defs = "#/$defs/";

    /// <summary>Null when <paramref name="instance"/> is valid, else the errors.</summary>
    public static string? Validate(JsonNode document, JsonNode schema, JsonNode? instance)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:eventobserver:openapi:{Guid.NewGuid():N}",
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace(Components, Defs, StringComparison.Ordinal);
        var evaluation = JsonSchema.FromText(text).Evaluate(
            JsonDocument.Parse(instance?.ToJsonString() ?? "null").RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (evaluation.IsValid)
        {
            return null;
        }

        // Failed branches of a oneOf/anyOf are listed too: enough to find the cause, not all of them are it.
        var errors = (evaluation.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Take(10);
        return string.Join("; ", errors);
    }
}
