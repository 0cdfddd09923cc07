using EventObserver.Core.Flows;

namespace EventObserver.Core.Conversations;

/// <summary>The read side: immutable records built under the lock.</summary>
public sealed partial class ConversationTracker
{
    public ConversationsOverview Overview(DateTimeOffset now, TimeSpan window)
    {
        lock (_gate)
        {
            var fromMs = (now - window).ToUnixTimeMilliseconds();
            var toMs = now.ToUnixTimeMilliseconds();
            // Configured first (in configuration order), then inferred ones by volume.
            var configured = _processes.Where(p => p.Configured).Select(p => Summarize(p, now, window, fromMs, toMs));
            var inferred = _processes.Where(p => !p.Configured).Select(p => Summarize(p, now, window, fromMs, toMs))
                .OrderByDescending(s => s.Started + s.Open + s.Stuck)
                .ThenBy(s => s.Name, StringComparer.Ordinal);
            List<ProcessSummary> summaries = [.. configured, .. inferred];
            return new ConversationsOverview
            {
                Processes = summaries,
                Tracked = _live,
                Capacity = _options.MaxOpenConversations,
                Overflowed = _overflowed,
                Unassigned = _traces.All.Count(t => !t.Assigned),
                MessagesObserved = _messagesObserved,
            };
        }
    }

    public IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (limit <= 0)
        {
            return [];
        }

        lock (_gate)
        {
            var state = _processes.FirstOrDefault(p => p.Name == process);
            if (state is null)
            {
                return [];
            }

            IEnumerable<TrackedConversation> chosen = status switch
            {
                ConversationStatus.Completed or ConversationStatus.Failed => state.Ended
                    .Where(c => c.Status == status && ReferenceEquals(_conversations.GetValueOrDefault(c.Key), c))
                    .OrderByDescending(c => c.EndMs),
                ConversationStatus.Stuck => Live(state, ConversationStatus.Stuck).OrderBy(c => c.StartMs),
                ConversationStatus.Open => Live(state, ConversationStatus.Open).OrderByDescending(c => c.StartMs),
                _ => Live(state, ConversationStatus.Stuck).OrderBy(c => c.StartMs)
                    .Concat(Live(state, ConversationStatus.Open).OrderByDescending(c => c.StartMs)),
            };
            return chosen.Take(limit).Select(ToInfo).ToList();
        }
    }

    public ConversationInfo? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _conversations.TryGetValue(key, out var conversation) ? ToInfo(conversation) : null;
        }
    }

    private IEnumerable<TrackedConversation> Live(ProcessState process, ConversationStatus status) =>
        _conversations.Values.Where(c => c.Status == status && ReferenceEquals(c.Process, process));

    private ProcessSummary Summarize(ProcessState p, DateTimeOffset now, TimeSpan window, long fromMs, long toMs)
    {
        var (started, completed, failed) = p.Window.Sum(fromMs, toMs);
        var durations = p.Durations.Where(d => d.EndMs >= fromMs && d.EndMs <= toMs).Select(d => d.DurationMs).ToList();
        var (p50, p95) = Percentiles.Of(durations);
        var from = now - window;
        return new ProcessSummary
        {
            Name = p.Name,
            Start = p.Start,
            DoneTypes = [.. p.Done.Order(StringComparer.Ordinal)],
            FailedTypes = [.. p.Failed.Order(StringComparer.Ordinal)],
            Topics = [.. p.Topics.Order(StringComparer.Ordinal)],
            Configured = p.Configured,
            Within = p.Deadline,
            DeadlineSource = p.DeadlineSource,
            SuggestedWithin = p.Suggested,
            SuggestionBasis = p.SuggestionBasis,
            Started = started,
            Completed = completed,
            Failed = failed,
            Open = p.Open,
            Stuck = p.Stuck,
            CompletedTotal = p.CompletedTotal,
            FailedTotal = p.FailedTotal,
            DurationP50Ms = p50,
            DurationP95Ms = p95,
            StuckOverTime = [.. p.StuckOverTime.Where(s => s.At >= from && s.At <= now)],
        };
    }

    private ConversationInfo ToInfo(TrackedConversation c)
    {
        var deadline = c.Process.Deadline;
        return new ConversationInfo
        {
            Key = c.Key,
            Process = c.Process.Name,
            Status = c.Status,
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(c.StartMs),
            LastSeenAt = DateTimeOffset.FromUnixTimeMilliseconds(c.LastSeenMs),
            EndedAt = c.EndMs is { } end ? DateTimeOffset.FromUnixTimeMilliseconds(end) : null,
            DueAt = deadline is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(c.StartMs) + d : null,
            StuckSince = c.StuckSinceMs is { } stuck ? DateTimeOffset.FromUnixTimeMilliseconds(stuck) : null,
            LateCompletion = c.Late,
            Messages = c.Messages,
            Last = c.Last.ToStep(),
            Expected = c.IsLive ? _reactions.Expected(c.Last.MessageType) : null,
            Topics = [.. c.Topics.Order(StringComparer.Ordinal)],
        };
    }
}
