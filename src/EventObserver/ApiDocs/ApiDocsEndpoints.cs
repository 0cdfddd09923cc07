using EventObserver.Security;

using Scalar.AspNetCore;

namespace EventObserver.ApiDocs;

/// <summary>
/// <c>/openapi/v1.json</c> and the reference page <c>/api-docs</c> (Scalar, its script served from the package:
/// the page must work on a machine without internet access).
/// </summary>
public static class ApiDocsEndpoints
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api-docs";

    /// <summary>The paths the document describes: the REST API and the health check, not pages, hubs or files.</summary>
    public static bool IsDocumented(string? relativePath) =>
        relativePath is not null
        && (relativePath == "api" || relativePath.StartsWith("api/", StringComparison.Ordinal)
            || relativePath == "healthz" || relativePath.StartsWith("healthz/", StringComparison.Ordinal));

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder routes)
    {
        // Anonymous: they describe the API (paths, schemas, roles) and hold no event data; a client author reads them
        // before having a key. The API itself asks for a role on every call.
        routes.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The page's one inline script carries this request's CSP nonce, so the policy stays as strict as on every page.
        routes.MapScalarApiReference(PagePath, (options, context) => options
            .WithTitle("EventObserver REST API")
            .WithOpenApiRoutePattern(DocumentPath)
            .WithNonce(ContentSecurityPolicy.Nonce(context))
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp()
            .DisableDefaultFonts()
            .DisableTelemetry())
            .AllowAnonymous();
        return routes;
    }
}
