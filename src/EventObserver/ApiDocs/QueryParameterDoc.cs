namespace EventObserver.ApiDocs;

/// <summary>
/// A query parameter that a custom binder (<c>BindAsync</c>) reads, which the OpenAPI generator cannot see: the binder
/// adds one per name to its endpoint's metadata (<see cref="Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider"/>), next to the code
/// that parses it, and <see cref="QueryParameterDocsTransformer"/> writes them into the document.
/// </summary>
/// <param name="Name">The query-string name.</param>
/// <param name="Description">What it selects, its forms and what happens to a bad value.</param>
/// <param name="Type">The JSON Schema type of one value: <c>string</c> or <c>integer</c>.</param>
public sealed record QueryParameterDoc(string Name, string Description, string Type = QueryParameterDoc.String)
{
    public const string String = "string";
    public const string Integer = "integer";

    /// <summary>The smallest accepted value of an integer parameter.</summary>
    public long? Minimum { get; init; }

    /// <summary>The largest accepted value of an integer parameter.</summary>
    public long? Maximum { get; init; }

    /// <summary>The value used when the parameter is absent or blank.</summary>
    public object? Default { get; init; }

    /// <summary>The only values accepted, when they are a fixed set.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>A JSON Schema format such as <c>date-time</c>.</summary>
    public string? Format { get; init; }

    /// <summary>The parameter may be given more than once (<c>?topic=a&amp;topic=b</c>).</summary>
    public bool Repeatable { get; init; }
}
