using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventObserver.Health;

/// <summary>
/// Health-check endpoints carry no API description, so the generator leaves them out: this adds
/// <c>/healthz/live</c> and <c>/healthz/ready</c> to the document by hand, with their body's schema.
/// </summary>
public sealed class HealthProbeDocsTransformer : IOpenApiDocumentTransformer
{
    private const string ReportSchema = "HealthProbeReport";
    private const string Json = "application/json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ReportSchema] = Report();
        document.Paths ??= [];
        document.Paths[HealthEndpointRouteBuilderExtensions.LivePath] = Path(document,
            "Liveness: the process answers",
            "Checks no dependency: a broker outage or a full disk does not fail it (restarting would not help).");
        document.Paths[HealthEndpointRouteBuilderExtensions.ReadyPath] = Path(document,
            "Readiness: index open and writable, broker reachable",
            "Unhealthy (503) when no index is open, when index writes are paused because the disk is full (the reason "
            + "names the free space), when the index directory is not writable, or when the broker has been unreachable "
            + "for longer than EventObserver:Health:BrokerTimeout; Degraded (200) while it is unreachable for less.");
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string summary, string description)
    {
        var report = new OpenApiSchemaReference(ReportSchema, document);
        OpenApiResponse Response(string text) => new()
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [Json] = new() { Schema = report } },
        };

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Response("Healthy or Degraded."),
                        ["503"] = Response("Unhealthy: a check failed; its description says why."),
                    },
                },
            },
        };
    }

    private static OpenApiSchema Report()
    {
        var status = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [JsonValue.Create("Healthy"), JsonValue.Create("Degraded"), JsonValue.Create("Unhealthy")],
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["status"] = status,
                ["checks"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { "name", "status", "description" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "process, index or broker" },
                            ["status"] = status,
                            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                },
            },
        };
    }
}
