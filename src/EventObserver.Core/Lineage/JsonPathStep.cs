namespace EventObserver.Core.Lineage;

/// <summary>One step of a <see cref="JsonPath"/>: a property name, or an array index when <see cref="Name"/> is null.</summary>
internal readonly record struct JsonPathStep(string? Name, int Index)
{
    public static JsonPathStep Property(string name) => new(name, -1);

    public static JsonPathStep Element(int index) => new(null, index);
}
