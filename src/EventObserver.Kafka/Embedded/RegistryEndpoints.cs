using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventObserver.Kafka.Embedded;

/// <summary>The Schema Registry REST routes the embedded registry answers, in the registry's JSON and error forms.</summary>
internal static class RegistryEndpoints
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    private const int SubjectNotFound = 40401;
    private const int VersionNotFound = 40402;
    private const int SchemaNotFound = 40403;
    private const int InvalidSchema = 42201;

    public static void Map(IEndpointRouteBuilder app, RegistryStore store)
    {
        app.MapPost("/subjects/{subject}/versions", (HttpContext c, string subject) => RegisterAsync(c, store, subject));
        app.MapPost("/subjects/{subject}", (HttpContext c, string subject) => LookupAsync(c, store, subject));
        app.MapGet("/schemas/ids/{id:int}", (HttpContext c, int id) => store.Get(id) is { } s
            ? WriteAsync(c, SchemaBody(s))
            : ErrorAsync(c, StatusCodes.Status404NotFound, SchemaNotFound, "Schema not found"));
        app.MapGet("/schemas/ids/{id:int}/versions", (HttpContext c, int id) => store.Get(id) is null
            ? ErrorAsync(c, StatusCodes.Status404NotFound, SchemaNotFound, "Schema not found")
            : WriteAsync(c, new JsonArray([.. store.PlacesOf(id).Select(p => (JsonNode)new JsonObject { ["subject"] = p.Subject, ["version"] = p.Version })])));
        app.MapGet("/subjects", (HttpContext c) => WriteAsync(c, new JsonArray([.. store.Subjects().Select(s => (JsonNode)s)])));
        app.MapGet("/subjects/{subject}/versions", (HttpContext c, string subject) => store.Versions(subject) is { } versions
            ? WriteAsync(c, new JsonArray([.. versions.Select(v => (JsonNode)v)]))
            : ErrorAsync(c, StatusCodes.Status404NotFound, SubjectNotFound, $"Subject '{subject}' not found."));
        app.MapGet("/subjects/{subject}/versions/{version}", (HttpContext c, string subject, string version) => GetVersionAsync(c, store, subject, version));
        app.MapGet("/config", (HttpContext c) => WriteAsync(c, new JsonObject { ["compatibilityLevel"] = "BACKWARD" }));
        app.MapGet("/config/{subject}", (HttpContext c, string subject) => WriteAsync(c, new JsonObject { ["compatibilityLevel"] = "BACKWARD" }));
    }

    public static Task ErrorAsync(HttpContext context, int status, int errorCode, string message)
    {
        context.Response.StatusCode = status;
        return WriteAsync(context, new JsonObject { ["error_code"] = errorCode, ["message"] = message });
    }

    private static async Task RegisterAsync(HttpContext context, RegistryStore store, string subject)
    {
        if (await ReadSchemaAsync(context).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var (schema, version) = store.Register(subject, request.Text, request.Type, request.References);
        var body = SchemaBody(schema);
        body["id"] = schema.Id;
        body["subject"] = subject;
        body["version"] = version;
        await WriteAsync(context, body).ConfigureAwait(false);
    }

    private static async Task LookupAsync(HttpContext context, RegistryStore store, string subject)
    {
        if (await ReadSchemaAsync(context).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (!store.HasSubject(subject))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, SubjectNotFound, $"Subject '{subject}' not found.").ConfigureAwait(false);
            return;
        }

        if (store.Find(subject, request.Text, request.Type, request.References) is not { } found)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, SchemaNotFound, "Schema not found").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, VersionBody(found.Schema, subject, found.Version)).ConfigureAwait(false);
    }

    private static Task GetVersionAsync(HttpContext context, RegistryStore store, string subject, string version)
    {
        var number = version == "latest" ? -1 : int.TryParse(version, out var n) && n > 0 ? n : 0;
        if (store.Versions(subject) is not { } versions)
        {
            return ErrorAsync(context, StatusCodes.Status404NotFound, SubjectNotFound, $"Subject '{subject}' not found.");
        }

        if (number == 0 || store.GetVersion(subject, number) is not { } schema)
        {
            return ErrorAsync(context, StatusCodes.Status404NotFound, VersionNotFound, $"Version {version} not found.");
        }

        return WriteAsync(context, VersionBody(schema, subject, number == -1 ? versions.Count : number));
    }

    private static JsonObject VersionBody(StoredSchema schema, string subject, int version)
    {
        var body = SchemaBody(schema);
        body["subject"] = subject;
        body["version"] = version;
        body["id"] = schema.Id;
        return body;
    }

    /// <summary>Like the real registry: <c>schemaType</c> only when not Avro, <c>references</c> only when there are some.</summary>
    private static JsonObject SchemaBody(StoredSchema schema)
    {
        var body = new JsonObject { ["schema"] = schema.Text };
        if (schema.Type != "AVRO")
        {
            body["schemaType"] = schema.Type;
        }

        if (schema.References.Count > 0)
        {
            body["references"] = new JsonArray([.. schema.References.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["subject"] = r.Subject,
                ["version"] = r.Version,
            })]);
        }

        return body;
    }

    private static async Task<(string Text, string Type, IReadOnlyList<StoredReference> References)?> ReadSchemaAsync(HttpContext context)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var root = json.RootElement;
            var text = root.GetProperty("schema").GetString() ?? throw new FormatException("schema is null");
            var type = root.TryGetProperty("schemaType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.ToUpperInvariant() : "AVRO";
            var references = new List<StoredReference>();
            if (root.TryGetProperty("references", out var refs) && refs.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in refs.EnumerateArray())
                {
                    references.Add(new StoredReference(r.GetProperty("name").GetString()!, r.GetProperty("subject").GetString()!, r.GetProperty("version").GetInt32()));
                }
            }

            return (text, type, references);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, InvalidSchema, $"Invalid schema: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = MediaType;
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
