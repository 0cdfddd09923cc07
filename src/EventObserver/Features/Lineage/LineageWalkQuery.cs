using System.Reflection;

using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>
/// <c>direction</c>, <c>depth</c> and <c>maxNodes</c> of a walk from one message, bound from the query string with
/// every problem by parameter name kept for a 400 rather than the framework's bare one.
/// </summary>
public sealed record LineageWalkQuery(LineageDirection Direction, int Depth, int MaxNodes, Dictionary<string, string[]> Problems)
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
}
