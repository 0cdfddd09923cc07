namespace EventObserver.Core.Lineage;

/// <summary>
/// A user-defined rule from configuration: fill <see cref="Field"/> from a header (case-insensitive)
/// or from a JSON path in the payload (dot notation, e.g. <c>$.meta.correlation</c>).
/// User mappings win over built-in conventions.
/// </summary>
public sealed class LineageMapping
{
    public LineageField Field { get; set; }
    public string? Header { get; set; }
    public string? JsonPath { get; set; }
}
