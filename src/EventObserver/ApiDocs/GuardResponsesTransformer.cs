using EventObserver.Security;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventObserver.ApiDocs;

/// <summary>
/// The problem responses every API operation can give before its handler runs, because the request guard
/// (<see cref="RequestGuardMiddleware"/>) and Kestrel's body limit answer them for every request of the kind: 414 for
/// any request; 403 and 415 for state-changing ones; 413 for those with a body. Stated here once, so no endpoint
/// (present or future) documents less than the guard does.
/// </summary>
public sealed class GuardResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        List<(int Status, string Description)> responses =
            [(StatusCodes.Status414UriTooLong, $"The path and query are longer than {RequestLimits.MaxRequestTargetLength:N0} characters.")];
        if (RequestGuardScope.IsStateChanging(method))
        {
            responses.Add((StatusCodes.Status403Forbidden, "Refused: the request came from another site's page (Origin, Referer or Sec-Fetch-Site)."));
            responses.Add((StatusCodes.Status415UnsupportedMediaType, "Refused: a request that changes state takes a JSON body (Content-Type: application/json) or none."));
        }

        if (operation.RequestBody is not null)
        {
            responses.Add((StatusCodes.Status413PayloadTooLarge, $"The body is larger than {RequestLimits.MaxBodyBytes / 1024:N0} KiB."));
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, description) in responses)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [ProblemJson] = new() { Schema = problem } },
            });
        }
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string name = nameof(ProblemDetails);
        if (context.Document is not { } document)
        {
            return await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        }

        return new OpenApiSchemaReference(name, document);
    }
}
