using EventObserver.Core.Flows;

namespace EventObserver.Core.Conversations;

/// <summary>The timer's side: deadlines, process inference, suggestions and the stuck-over-time samples.</summary>
public sealed partial class ConversationTracker
{
    /// <summary>Inference reads the whole learning table: every 10 s is fresh enough and costs nothing noticeable.</summary>
    internal static readonly TimeSpan InferenceInterval = TimeSpan.FromSeconds(10);

    /// <summary>One stuck-over-time point per 15 s: 5,760 points cover 24 h, plenty for a chart.</summary>
    internal static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A start type is the first message in at least this share of the quiet correlations it appears in: the flow map's
    /// "first message of a correlation", with room for the odd out-of-order or retried conversation.
    /// </summary>
    internal const double StartShare = 0.80;

    /// <summary>…and first in at least this many of them, so one or two stray correlations never make a process.</summary>
    internal const int StartMinimum = 5;

    /// <summary>
    /// A done type is the last message in at least this share of its process's quiet correlations: a real outcome is
    /// common (a process often has two or three), a type that merely happened to come last once in a while is not.
    /// </summary>
    internal const double DoneShare = 0.10;

    /// <summary>…and last at least this many times, so a handful of correlations cannot name one.</summary>
    internal const int DoneMinimum = 3;

    public IReadOnlyList<ConversationAlert> Check(DateTimeOffset now)
    {
        if (!_options.Enabled)
        {
            return [];
        }

        lock (_gate)
        {
            if (_options.InferProcesses && now - _lastInference >= InferenceInterval)
            {
                _lastInference = now;
                InferProcesses(now.ToUnixTimeMilliseconds());
            }

            foreach (var process in _processes)
            {
                process.RefreshSuggestion(_options.SuggestAfterCompleted, _options.MinimumSuggestedDeadline);
            }

            var alerts = new List<ConversationAlert>(_pendingAlerts);
            _pendingAlerts.Clear();
            var nowMs = now.ToUnixTimeMilliseconds();
            foreach (var conversation in _conversations.Values)
            {
                if (conversation.Status == ConversationStatus.Open
                    && conversation.Process.Deadline is { } deadline
                    && nowMs > conversation.StartMs + (long)deadline.TotalMilliseconds)
                {
                    MarkStuck(conversation, now, alerts);
                }
            }

            if (now - _lastSample >= SampleInterval)
            {
                _lastSample = now;
                foreach (var process in _processes)
                {
                    process.Sample(new StuckPoint(now, process.Stuck));
                }
            }

            return alerts;
        }
    }

    private void InferProcesses(long nowMs)
    {
        var quietMs = (long)_options.QuietAfter.TotalMilliseconds;
        var firsts = new Dictionary<string, int>(StringComparer.Ordinal);
        var appearances = new Dictionary<string, int>(StringComparer.Ordinal);
        var quiet = new List<CorrelationTrace>();
        foreach (var trace in _traces.All)
        {
            if (nowMs - trace.LastSeenWallMs < quietMs || trace.Messages == 0)
            {
                continue;
            }

            quiet.Add(trace);
            firsts[trace.FirstType] = firsts.GetValueOrDefault(trace.FirstType) + 1;
            foreach (var seen in trace.Types)
            {
                appearances[seen.Type] = appearances.GetValueOrDefault(seen.Type) + 1;
            }
        }

        foreach (var (start, first) in firsts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (first < StartMinimum || first < StartShare * appearances[start] || start == FlowNaming.Untyped
                || IsFailureType(start))
            {
                continue;
            }

            var existing = _processesByStart.GetValueOrDefault(start);
            if (existing is { Configured: true })
            {
                continue;
            }

            var (done, failed) = InferTerminals(start, quiet);
            if (done.Count == 0)
            {
                // No outcome seen yet: a process that can never complete would only fill the cap.
                continue;
            }

            if (existing is not null)
            {
                if (!existing.Done.SetEquals(done) || !existing.Failed.SetEquals(failed))
                {
                    existing.Done = done;
                    existing.Failed = failed;

                    // A type that became terminal may already have come in open conversations: they end now, as
                    // they would have had it been known then.
                    foreach (var conversation in _conversations.Values.Where(c => c.IsLive && ReferenceEquals(c.Process, existing) && c.Trace is not null).ToList())
                    {
                        EndFromSeenTypes(conversation, conversation.Trace!);
                    }
                }

                continue;
            }

            var process = new ProcessState(start, start, configured: false) { Done = done, Failed = failed };
            _processesByStart[start] = process;
            _processes.Add(process);

            // Conversations that began before the process was known are tracked from what they already saw.
            foreach (var trace in _traces.OldestFirst().ToList())
            {
                if (!trace.Assigned && trace.FirstType == start && !_conversations.ContainsKey(trace.Key))
                {
                    Materialize(trace, process);
                }
            }
        }
    }

    private (HashSet<string> Done, HashSet<string> Failed) InferTerminals(string start, List<CorrelationTrace> quiet)
    {
        var lasts = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var trace in quiet)
        {
            if (trace.FirstType != start)
            {
                continue;
            }

            count++;
            lasts[trace.LastType] = lasts.GetValueOrDefault(trace.LastType) + 1;
            foreach (var seen in trace.Types)
            {
                if (IsFailureType(seen.Type))
                {
                    failed.Add(seen.Type);
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, last) in lasts)
        {
            if (type != start && !IsFailureType(type) && last >= DoneMinimum && last >= DoneShare * count)
            {
                done.Add(type);
            }
        }

        return (done, failed);
    }
}
