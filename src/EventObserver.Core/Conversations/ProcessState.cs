namespace EventObserver.Core.Conversations;

/// <summary>One process (configured or inferred): its definition and the tallies behind its summary.</summary>
internal sealed class ProcessState
{
    /// <summary>Durations kept for the suggestion: recent enough to follow a change in the system, enough for a p99.</summary>
    public const int ReservoirSize = 2_000;

    /// <summary>Completions kept for the window's p50/p95 (by end time).</summary>
    public const int WindowDurations = 10_000;

    /// <summary>Ended conversations kept for the lists.</summary>
    public const int RecentEnded = 500;

    /// <summary>One stuck-count sample per 15 s for 24 h.</summary>
    public const int StuckSamples = 24 * 60 * 4;

    public ProcessState(string name, string start, bool configured)
    {
        Name = name;
        Start = start;
        Configured = configured;
    }

    public string Name { get; }

    public string Start { get; }

    public bool Configured { get; }

    public HashSet<string> Done { get; set; } = new(StringComparer.Ordinal);

    public HashSet<string> Failed { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan? Within { get; set; }

    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    public int Open;
    public int Stuck;
    public long CompletedTotal;
    public long FailedTotal;

    /// <summary>(end ms, duration ms) of recent completions, oldest first.</summary>
    public Queue<(long EndMs, long DurationMs)> Durations { get; } = new();

    public Queue<StuckPoint> StuckOverTime { get; } = new();

    public Queue<TrackedConversation> Ended { get; } = new();

    public WindowCounts Window { get; } = new();

    public TimeSpan? Suggested;
    public bool SuggestionDirty = true;

    public TimeSpan? Deadline => Within ?? Suggested;

    public DeadlineSource DeadlineSource =>
        Within is not null ? DeadlineSource.Configured : Suggested is not null ? DeadlineSource.Suggested : DeadlineSource.None;

    public long SuggestionBasis => Math.Min(Durations.Count, ReservoirSize);

    public void AddDuration(long endMs, long durationMs)
    {
        Durations.Enqueue((endMs, durationMs));
        if (Durations.Count > WindowDurations)
        {
            Durations.Dequeue();
        }

        CompletedTotal++;
        SuggestionDirty = true;
    }

    public void RefreshSuggestion(int minimumCount, TimeSpan floor)
    {
        if (!SuggestionDirty)
        {
            return;
        }

        var newest = Durations.Skip(Math.Max(0, Durations.Count - ReservoirSize)).Select(d => d.DurationMs).ToArray();
        Suggested = DeadlineSuggestion.From(newest, minimumCount, floor);
        SuggestionDirty = false;
    }

    public void Sample(StuckPoint point)
    {
        StuckOverTime.Enqueue(point);
        if (StuckOverTime.Count > StuckSamples)
        {
            StuckOverTime.Dequeue();
        }
    }

    /// <summary>True when <paramref name="type"/> ends a conversation of this process successfully.</summary>
    public bool IsDone(string type) => Done.Contains(type) && !Failed.Contains(type);
}
