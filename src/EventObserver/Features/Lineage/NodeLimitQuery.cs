using System.Reflection;

using EventObserver.ApiDocs;

using Microsoft.AspNetCore.Http.Metadata;

namespace EventObserver.Features.Lineage;

/// <summary><c>maxNodes</c> of a whole-conversation graph, bound from the query string with its problem kept for a 400.</summary>
public sealed record NodeLimitQuery(int MaxNodes, Dictionary<string, string[]> Problems) : IEndpointParameterMetadataProvider
{
    /// <summary><c>maxNodes</c> in the OpenAPI document.</summary>
    public static QueryParameterDoc Doc { get; } = new(
        "maxNodes", "Most messages in the graph; beyond it the graph is truncated and a \"more\" node counts the rest.", QueryParameterDoc.Integer)
    {
        Minimum = 1, Maximum = LineageQueries.MaxNodesCap, Default = LineageQueries.DefaultMaxNodes,
    };

    public static ValueTask<NodeLimitQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var maxNodes = LineageQueryParser.MaxNodes(context.Request.Query, problems);
        return ValueTask.FromResult<NodeLimitQuery?>(new NodeLimitQuery(maxNodes, problems));
    }

    /// <summary>Documents <c>maxNodes</c> (the OpenAPI generator cannot see into this binder).</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(Doc);
    }
}
