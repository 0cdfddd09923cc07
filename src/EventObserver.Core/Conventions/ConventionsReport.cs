namespace EventObserver.Core.Conventions;

/// <summary>
/// The conventions check over a set of messages: per source, most flagged first. Tombstones (no value) are not
/// messages to judge: they are counted, not checked.
/// </summary>
public sealed record ConventionsReport(
    long Checked,
    long Flagged,
    long Tombstones,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyList<SourceConventions> Sources)
{
    public static ConventionsReport Empty { get; } = new(0, 0, 0, null, null, []);

    public long Count(ConventionRule rule) => Sources.Sum(s => s.Finding(rule).Count);
}
