namespace EventObserver.Core.Conventions;

/// <summary>
/// The messages of one source that broke one rule: how many, the most frequent types among them (naming rules are
/// about types, so each violating type is listed once with its count) and a few examples, different types first.
/// </summary>
public sealed record ConventionFinding(
    ConventionRule Rule,
    long Count,
    int DistinctTypes,
    IReadOnlyList<ConventionTypeCount> Types,
    IReadOnlyList<ConventionExample> Examples);
