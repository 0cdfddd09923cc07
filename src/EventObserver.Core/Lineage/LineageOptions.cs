namespace EventObserver.Core.Lineage;

/// <summary>Bound from <c>EventObserver:Lineage</c>.</summary>
public sealed class LineageOptions
{
    public List<LineageMapping> Mappings { get; set; } = [];
}
