using EventObserver.Access.Authentication;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventObserver.ApiDocs;

/// <summary>
/// Access control in the document: the three ways to authenticate (an API key in <c>X-Api-Key</c>, the same key as a
/// bearer token, the browser session cookie) as security schemes, and on every operation that asks for a role its
/// security requirement, the role (in the description) and the 401 and 403 answers. Anonymous operations
/// (<c>/healthz</c>) carry none.
/// </summary>
public sealed class AccessSecurityTransformer : IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string CookieScheme = "Cookie";
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || policies.Count == 0 || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        AddSchemes(document);
        operation.Security ??= [];
        foreach (var scheme in (string[])[ApiKeyScheme, BearerScheme, CookieScheme])
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
        }

        var roles = string.Join(" and ", policies);
        operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : "") + $"Requires the {roles} role.";
        operation.Responses ??= [];
        var problem = new OpenApiSchemaReference(nameof(ProblemDetails), document);
        AddOrExtend(operation.Responses, StatusCodes.Status401Unauthorized, "Not signed in, or the API key is not valid.", problem);
        AddOrExtend(operation.Responses, StatusCodes.Status403Forbidden, $"The caller does not hold the {roles} role.", problem);
        return Task.CompletedTask;
    }

    private static void AddOrExtend(OpenApiResponses responses, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            response.Description = $"{response.Description} Or: {description}";
            return;
        }

        responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [ProblemJson] = new() { Schema = problem } },
        };
    }

    private static void AddSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var schemes = document.Components.SecuritySchemes;
        schemes.TryAdd(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AccessSchemes.ApiKeyHeader,
            Description = "An API key from EventObserver:Auth:ApiKeys (the server keeps only its SHA-256); its roles decide what it may do.",
        });
        schemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as 'Authorization: Bearer <key>' (the hub also takes it as ?access_token=).",
        });
        schemes.TryAdd(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AccessSchemes.CookieName,
            Description = "The browser session after signing in (Local or OIDC). Requests that change state also need the page's "
                + "antiforgery token in the 'RequestVerificationToken' header.",
        });
    }
}
