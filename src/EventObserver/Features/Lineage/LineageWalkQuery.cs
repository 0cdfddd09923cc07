using System.Reflection;

using EventObserver.ApiDocs;
using EventObserver.Core.Graphs;

using Microsoft.AspNetCore.Http.Metadata;

namespace EventObserver.Features.Lineage;

/// <summary>
/// <c>direction</c>, <c>depth</c> and <c>maxNodes</c> of a walk from one message, bound from the query string with
/// every problem by parameter name kept for a 400 rather than the framework's bare one.
/// </summary>
public sealed record LineageWalkQuery(LineageDirection Direction, int Depth, int MaxNodes, Dictionary<string, string[]> Problems)
    : IEndpointParameterMetadataProvider
{
    public static ValueTask<LineageWalkQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var direction = LineageQueryParser.Direction(query, problems);
        var depth = LineageQueryParser.Depth(query, problems);
        var maxNodes = LineageQueryParser.MaxNodes(query, problems);
        return ValueTask.FromResult<LineageWalkQuery?>(new LineageWalkQuery(direction, depth, maxNodes, problems));
    }

    /// <summary>What <see cref="LineageQueryParser"/> reads, for the OpenAPI document (it cannot see into this binder).</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new QueryParameterDoc("direction", "up: the causes; down: the effects; both.") { Allowed = ["up", "down", "both"], Default = "both" });
        builder.Metadata.Add(new QueryParameterDoc("depth", "How many causation steps to follow from the message.", QueryParameterDoc.Integer)
        {
            Minimum = 0, Maximum = LineageQueries.MaxDepthCap, Default = LineageQueries.DefaultDepth,
        });
        builder.Metadata.Add(NodeLimitQuery.Doc);
    }
}
