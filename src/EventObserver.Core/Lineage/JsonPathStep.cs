namespace EventObserver.Core.Lineage;

/// <summary>
/// One step of a <see cref="JsonPath"/>. <see cref="Descendant"/> (written <c>..</c>) lets the step match at any depth
/// below the node reached so far instead of only among its direct children.
/// </summary>
internal readonly record struct JsonPathStep(JsonPathStepKind Kind, string? Name, int Index, bool Descendant = false)
{
    public static JsonPathStep Property(string name, bool descendant = false) => new(JsonPathStepKind.Property, name, -1, descendant);

    public static JsonPathStep Element(int index, bool descendant = false) => new(JsonPathStepKind.Element, null, index, descendant);

    public static JsonPathStep AnyProperty(bool descendant = false) => new(JsonPathStepKind.AnyProperty, null, -1, descendant);

    public static JsonPathStep AnyElement(bool descendant = false) => new(JsonPathStepKind.AnyElement, null, -1, descendant);

    /// <summary>True for the steps that can select more than one value: wildcards and descendants.</summary>
    public bool IsWildcard => Descendant || Kind is JsonPathStepKind.AnyProperty or JsonPathStepKind.AnyElement;
}
