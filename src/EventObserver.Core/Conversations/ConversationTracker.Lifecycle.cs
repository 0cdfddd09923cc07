namespace EventObserver.Core.Conversations;

/// <summary>Status changes of tracked conversations: start (from a learning trace), messages, ends, the cap.</summary>
public sealed partial class ConversationTracker
{
    private void Apply(TrackedConversation conversation, ConversationStepState step, bool failure)
    {
        conversation.Messages++;
        var topics = conversation.Topics;
        conversation.Topics = _topicSets.Add(topics, step.Topic);
        if (!ReferenceEquals(topics, conversation.Topics))
        {
            conversation.Process.Topics.Add(step.Topic);
        }
        if (step.TimestampMs >= conversation.Last.TimestampMs)
        {
            conversation.Last = step;
        }

        conversation.LastSeenMs = Math.Max(conversation.LastSeenMs, step.TimestampMs);
        if (!conversation.IsLive)
        {
            return;
        }

        // Out of order: a message from another partition may predate the start message.
        conversation.StartMs = Math.Min(conversation.StartMs, step.TimestampMs);
        var process = conversation.Process;
        if (failure || process.Failed.Contains(step.MessageType))
        {
            End(conversation, ConversationStatus.Failed, step.TimestampMs);
        }
        else if (process.IsDone(step.MessageType))
        {
            End(conversation, ConversationStatus.Completed, step.TimestampMs);
        }
    }

    /// <summary>Makes a tracked conversation of a learning trace, with the status its messages so far imply.</summary>
    private TrackedConversation Materialize(CorrelationTrace trace, ProcessState process)
    {
        var conversation = new TrackedConversation(trace.Key, process)
        {
            Status = ConversationStatus.Open,
            StartMs = trace.FirstMs,
            LastSeenMs = trace.LastMs,
            Messages = trace.Messages,
            Last = trace.Last,
            Topics = trace.Topics,
            Trace = trace,
        };
        trace.Assigned = true;
        _conversations[trace.Key] = conversation;
        _byStart.Enqueue(conversation, conversation.StartMs);
        process.Open++;
        _live++;
        process.Window.Started(conversation.StartMs);
        foreach (var topic in trace.Topics)
        {
            process.Topics.Add(topic);
        }

        // A terminal that arrived before the start (out of order) ends it right away.
        EndFromSeenTypes(conversation, trace);
        EnforceCap();
        return conversation;
    }

    /// <summary>Ends a live conversation whose trace holds a terminal type of its process; the earliest terminal wins.</summary>
    private void EndFromSeenTypes(TrackedConversation conversation, CorrelationTrace trace)
    {
        var process = conversation.Process;
        long? failedAt = trace.FailureMs;
        long? doneAt = null;
        foreach (var seen in trace.Types)
        {
            if (process.Failed.Contains(seen.Type))
            {
                failedAt = failedAt is null ? seen.FirstMs : Math.Min(failedAt.Value, seen.FirstMs);
            }
            else if (process.IsDone(seen.Type))
            {
                doneAt = doneAt is null ? seen.FirstMs : Math.Min(doneAt.Value, seen.FirstMs);
            }
        }

        if (failedAt is not null && (doneAt is null || failedAt <= doneAt))
        {
            End(conversation, ConversationStatus.Failed, failedAt.Value);
        }
        else if (doneAt is not null)
        {
            End(conversation, ConversationStatus.Completed, doneAt.Value);
        }
    }

    private void End(TrackedConversation conversation, ConversationStatus status, long endMs)
    {
        var process = conversation.Process;
        var wasStuck = conversation.Status == ConversationStatus.Stuck;
        if (wasStuck)
        {
            process.Stuck--;
        }
        else
        {
            process.Open--;
        }

        _live--;
        conversation.Status = status;
        conversation.EndMs = endMs;
        process.Window.Ended(status, endMs);
        if (status == ConversationStatus.Completed)
        {
            process.AddDuration(endMs, Math.Max(0, endMs - conversation.StartMs));
        }
        else if (status == ConversationStatus.Failed)
        {
            process.FailedTotal++;
        }

        if (wasStuck)
        {
            conversation.Late = true;
            _pendingAlerts.Add(new ConversationAlert(ConversationAlertKind.Resolved, ToInfo(conversation), _time.GetUtcNow()));
        }

        Remember(process, conversation);
    }

    /// <summary>Keeps an ended conversation for the lists; the oldest ended one beyond the history is forgotten.</summary>
    private void Remember(ProcessState process, TrackedConversation conversation)
    {
        process.Ended.Enqueue(conversation);
        while (process.Ended.Count > ProcessState.RecentEnded)
        {
            var forgotten = process.Ended.Dequeue();
            if (_conversations.TryGetValue(forgotten.Key, out var current) && ReferenceEquals(current, forgotten))
            {
                _conversations.Remove(forgotten.Key);
            }
        }
    }

    private void MarkStuck(TrackedConversation conversation, DateTimeOffset now, List<ConversationAlert> alerts)
    {
        conversation.Status = ConversationStatus.Stuck;
        conversation.StuckSinceMs = now.ToUnixTimeMilliseconds();
        conversation.Process.Open--;
        conversation.Process.Stuck++;
        alerts.Add(new ConversationAlert(ConversationAlertKind.Stuck, ToInfo(conversation), now));
    }

    /// <summary>Beyond the cap the oldest-started live conversations go (counted in Overflowed, never silently).</summary>
    private void EnforceCap()
    {
        var cap = Math.Max(1, _options.MaxOpenConversations);
        while (_live > cap && _byStart.TryDequeue(out var oldest, out _))
        {
            if (!oldest.IsLive || !_conversations.TryGetValue(oldest.Key, out var current) || !ReferenceEquals(current, oldest))
            {
                continue;
            }

            _conversations.Remove(oldest.Key);
            if (oldest.Status == ConversationStatus.Stuck)
            {
                oldest.Process.Stuck--;
            }
            else
            {
                oldest.Process.Open--;
            }

            _live--;
            _overflowed++;
        }

        // Ended conversations leave stale entries behind: rebuild before they outnumber the live ones.
        if (_byStart.Count > (2 * _live) + 1_024)
        {
            RebuildStartOrder();
        }
    }

    private void RebuildStartOrder()
    {
        _byStart.Clear();
        foreach (var conversation in _conversations.Values)
        {
            if (conversation.IsLive)
            {
                _byStart.Enqueue(conversation, conversation.StartMs);
            }
        }
    }
}
