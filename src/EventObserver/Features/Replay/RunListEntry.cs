using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay;

/// <summary>One line of the run list: a run of its own, or a compare with its two runs (left first).</summary>
public sealed record RunListEntry(IReadOnlyList<ReplayRun> Runs, string? CompareId)
{
    public bool IsCompare => CompareId is not null;

    /// <summary>
    /// The entries for <paramref name="runs"/> (newest first): the two runs of a compare become one entry, where the
    /// newer of them stood, so a series of compares does not flood the list.
    /// </summary>
    public static IReadOnlyList<RunListEntry> Group(IReadOnlyList<ReplayRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var entries = new List<RunListEntry>();
        var compares = new Dictionary<string, List<ReplayRun>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (run.Compare is not { } tag)
            {
                entries.Add(new RunListEntry([run], null));
            }
            else if (compares.TryGetValue(tag.CompareId, out var sides))
            {
                sides.Add(run);
            }
            else
            {
                sides = [run];
                compares[tag.CompareId] = sides;
                entries.Add(new RunListEntry(sides, tag.CompareId));
            }
        }

        foreach (var sides in compares.Values)
        {
            sides.Sort((a, b) => a.Compare!.IsRight.CompareTo(b.Compare!.IsRight));
        }

        return entries;
    }
}
