namespace EventObserver.Core.Lineage;

/// <summary>What one <see cref="JsonPathStep"/> selects among the children of a JSON value.</summary>
internal enum JsonPathStepKind
{
    /// <summary>The member with a given name (<c>.name</c>, <c>['name']</c>).</summary>
    Property,

    /// <summary>The array element at a given index (<c>[3]</c>).</summary>
    Element,

    /// <summary>Every member of an object (<c>.*</c>); wildcard paths only.</summary>
    AnyProperty,

    /// <summary>Every element of an array (<c>[*]</c>); wildcard paths only.</summary>
    AnyElement,
}
