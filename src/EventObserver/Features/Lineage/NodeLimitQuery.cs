using System.Reflection;

namespace EventObserver.Features.Lineage;

/// <summary><c>maxNodes</c> of a whole-conversation graph, bound from the query string with its problem kept for a 400.</summary>
public sealed record NodeLimitQuery(int MaxNodes, Dictionary<string, string[]> Problems)
{
    public static ValueTask<NodeLimitQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var maxNodes = LineageQueryParser.MaxNodes(context.Request.Query, problems);
        return ValueTask.FromResult<NodeLimitQuery?>(new NodeLimitQuery(maxNodes, problems));
    }
}
