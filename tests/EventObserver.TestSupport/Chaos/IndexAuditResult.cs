namespace EventObserver.TestSupport.Chaos;

/// <summary>
/// What <see cref="IndexAudit"/> found: produced messages missing or with another payload (<see cref="Lost"/>, which
/// counts <see cref="HashMismatches"/>), index entries beyond one per produced position (<see cref="Duplicated"/>),
/// messages the broker itself holds twice after a producer retry (<see cref="BrokerCopies"/>: indexed as the log has
/// them, so not the app's duplicates), and the first few problems, described.
/// </summary>
public sealed record IndexAuditResult(long Lost, long Duplicated, long HashMismatches, long BrokerCopies, IReadOnlyList<string> Details);
