namespace EventObserver.ApiDocs;

/// <summary>The OpenAPI document of the REST API (<c>/openapi/v1.json</c>), built from the endpoints' metadata and XML comments.</summary>
public static class ApiDocsServiceCollectionExtensions
{
    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi(ApiDocsEndpoints.DocumentName, options =>
        {
            options.ShouldInclude = description => ApiDocsEndpoints.IsDocumented(description.RelativePath);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "EventObserver REST API";
                document.Info.Description =
                    "Events, topics, lineage, flows, conventions and replays of the Kafka cluster EventObserver indexes. "
                    + "JSON, camelCase; errors are RFC 7807 problem details. Requests that change state take JSON bodies "
                    + "and are refused from other sites' pages. Every operation but /healthz needs a role: send an API key "
                    + "(X-Api-Key or Authorization: Bearer) or sign in in the browser.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<QueryParameterDocsTransformer>();
            options.AddOperationTransformer<GuardResponsesTransformer>();
            // Security schemes (API key header, bearer, cookie), and each operation's role with its 401 and 403.
            options.AddOperationTransformer<AccessSecurityTransformer>();
            options.AddDocumentTransformer<AnyJsonSchemaTransformer>();
        });
        return services;
    }
}
