namespace EventObserver.Core.Conventions;

/// <summary>
/// What one source (the producing service, or the topic when messages name no source) sent in the analysed
/// window, and which conventions its messages broke. <see cref="Findings"/> has one entry per <see cref="ConventionRule"/>,
/// in rule order, zero counts included.
/// </summary>
public sealed record SourceConventions(
    string Source,
    bool IsTopic,
    long Checked,
    long Events,
    long Commands,
    long ConversationStarts,
    long Flagged,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ConventionFinding> Findings)
{
    public ConventionFinding Finding(ConventionRule rule) => Findings.First(f => f.Rule == rule);
}
