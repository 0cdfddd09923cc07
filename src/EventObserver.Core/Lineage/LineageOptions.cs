namespace EventObserver.Core.Lineage;

/// <summary>Bound from <c>EventObserver:Lineage</c>.</summary>
public sealed class LineageOptions
{
    public List<LineageMapping> Mappings { get; set; } = [];

    /// <summary>A trace UI address with a <c>{traceId}</c> placeholder, e.g. <c>http://localhost:16686/trace/{traceId}</c>; empty: no trace links.</summary>
    public string? TraceUrlTemplate { get; set; }
}
