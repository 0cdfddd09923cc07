using System.Text.Json;
using System.Text.Json.Serialization;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Conversations;

/// <summary>Export and import of the whole state, so a restart resumes where it stopped.</summary>
public sealed partial class ConversationTracker
{
    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        // A snapshot missing a part (or with nulls where none belong) is garbage, not an empty state.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public byte[] ExportSnapshot()
    {
        ConversationSnapshotModel model;
        lock (_gate)
        {
            model = new ConversationSnapshotModel(
                ConversationSnapshotModel.CurrentVersion,
                _overflowed,
                _messagesObserved,
                _ignored,
                _lastInference == DateTimeOffset.MinValue ? null : _lastInference.ToUnixTimeMilliseconds(),
                _lastSample == DateTimeOffset.MinValue ? null : _lastSample.ToUnixTimeMilliseconds(),
                [.. _positions.Select(p => new SnapshotPosition(p.Key.Topic, p.Key.Partition, p.Value))],
                [.. _processes.Select(ExportProcess)],
                [.. _conversations.Values.Select(ExportConversation)],
                [.. _traces.OldestFirst().Select(ExportTrace)],
                [.. _messages.OldestFirst().Select(m => new SnapshotMessage(m.IdHash, m.Message.Key, m.Message.Type, m.Message.Source))],
                [.. _reactions.All().Select(r => new SnapshotReaction(r.Cause, r.Type, r.Source, r.Count, r.Topic))]);
        }

        // The model is a copy: writing the JSON (the slow part) does not hold up Observe.
        return JsonSerializer.SerializeToUtf8Bytes(model, SnapshotJson);
    }

    public void ImportSnapshot(ReadOnlySpan<byte> snapshot)
    {
        ConversationSnapshotModel model;
        try
        {
            model = JsonSerializer.Deserialize<ConversationSnapshotModel>(snapshot, SnapshotJson)
                ?? throw new FormatException("The conversation snapshot is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The conversation snapshot is not valid JSON of the expected shape.", ex);
        }

        if (model.Version != ConversationSnapshotModel.CurrentVersion || model.Positions is null || model.Processes is null
            || model.Conversations is null || model.Traces is null || model.Messages is null || model.Reactions is null)
        {
            throw new FormatException($"The conversation snapshot has version {model.Version} or misses parts; expected version {ConversationSnapshotModel.CurrentVersion}.");
        }

        lock (_gate)
        {
            Restore(model);
        }
    }

    private void Restore(ConversationSnapshotModel model)
    {
        _positions.Clear();
        _processes.Clear();
        _processesByStart.Clear();
        _conversations.Clear();
        _byStart.Clear();
        _traces.Clear();
        _messages.Clear();
        _reactions.Clear();
        _pendingAlerts.Clear();
        _live = 0;
        _overflowed = model.Overflowed;
        _messagesObserved = model.MessagesObserved;
        _ignored = model.Ignored;
        _lastInference = model.LastInferenceMs is { } inferred ? DateTimeOffset.FromUnixTimeMilliseconds(inferred) : DateTimeOffset.MinValue;
        _lastSample = model.LastSampleMs is { } sampled ? DateTimeOffset.FromUnixTimeMilliseconds(sampled) : DateTimeOffset.MinValue;
        foreach (var position in model.Positions)
        {
            _positions[new TopicPartitionKey(_names.Intern(position.Topic), position.Partition)] = position.Next;
        }

        // Today's configuration wins over the snapshot's definitions; the snapshot brings the tallies.
        AddConfiguredProcesses();
        foreach (var saved in model.Processes)
        {
            var start = _names.Intern(saved.Start);
            if (!_processesByStart.TryGetValue(start, out var process))
            {
                process = new ProcessState(saved.Name, start, configured: false)
                {
                    Done = new HashSet<string>(saved.Done.Select(_names.Intern), StringComparer.Ordinal),
                    Failed = new HashSet<string>(saved.Failed.Select(_names.Intern), StringComparer.Ordinal),
                };
                _processesByStart[start] = process;
                _processes.Add(process);
            }

            RestoreTallies(process, saved);
        }

        var ended = new List<TrackedConversation>();
        foreach (var saved in model.Conversations)
        {
            if (!_processesByStart.TryGetValue(saved.ProcessStart, out var process))
            {
                continue;
            }

            var conversation = new TrackedConversation(saved.Key, process)
            {
                Status = saved.Status,
                StartMs = saved.StartMs,
                LastSeenMs = saved.LastSeenMs,
                EndMs = saved.EndMs,
                StuckSinceMs = saved.StuckSinceMs,
                Late = saved.Late,
                Messages = saved.Messages,
                Last = RestoreStep(saved.Last),
                Topics = [.. saved.Topics.Select(_names.Intern)],
            };
            _conversations[saved.Key] = conversation;
            if (conversation.IsLive)
            {
                _live++;
                _byStart.Enqueue(conversation, conversation.StartMs);
                if (conversation.Status == ConversationStatus.Stuck)
                {
                    process.Stuck++;
                }
                else
                {
                    process.Open++;
                }
            }
            else
            {
                ended.Add(conversation);
            }
        }

        foreach (var conversation in ended.OrderBy(c => c.EndMs))
        {
            Remember(conversation.Process, conversation);
        }

        foreach (var saved in model.Traces)
        {
            var trace = RestoreTrace(saved);
            _traces.Restore(trace);
            if (_conversations.TryGetValue(trace.Key, out var conversation))
            {
                conversation.Trace = trace;
            }
        }

        foreach (var message in model.Messages)
        {
            _messages.TryAdd(message.IdHash, new MessageIndex.MessageRef(message.Key, _names.Intern(message.Type), _names.InternOrNull(message.Source)));
        }

        foreach (var reaction in model.Reactions)
        {
            _reactions.Learn(_names.Intern(reaction.Cause), _names.Intern(reaction.Type), _names.InternOrNull(reaction.Source), _names.InternOrNull(reaction.Topic), reaction.Count);
        }

        foreach (var process in _processes)
        {
            process.RefreshSuggestion(_options.SuggestAfterCompleted, _options.MinimumSuggestedDeadline);
        }
    }

    private void RestoreTallies(ProcessState process, SnapshotProcess saved)
    {
        foreach (var topic in saved.Topics)
        {
            process.Topics.Add(_names.Intern(topic));
        }

        foreach (var d in saved.Durations.Where(d => d.Length == 2))
        {
            process.AddDuration(d[0], d[1]);
        }

        process.CompletedTotal = saved.CompletedTotal;
        process.FailedTotal = saved.FailedTotal;
        foreach (var s in saved.StuckOverTime.Where(s => s.Length == 2))
        {
            process.Sample(new StuckPoint(DateTimeOffset.FromUnixTimeMilliseconds(s[0]), (int)s[1]));
        }

        foreach (var w in saved.Window.Where(w => w.Length == 4))
        {
            process.Window.Restore(w[0], (int)w[1], (int)w[2], (int)w[3]);
        }
    }

    private static SnapshotProcess ExportProcess(ProcessState p) => new(
        p.Name,
        p.Start,
        p.Configured,
        [.. p.Done],
        [.. p.Failed],
        [.. p.Topics],
        p.CompletedTotal,
        p.FailedTotal,
        [.. p.Durations.Select(d => new[] { d.EndMs, d.DurationMs })],
        [.. p.StuckOverTime.Select(s => new[] { s.At.ToUnixTimeMilliseconds(), s.Stuck })],
        [.. p.Window.Slots().Select(w => new[] { w.Minute, w.Started, w.Completed, w.Failed })]);

    private static SnapshotConversation ExportConversation(TrackedConversation c) => new(
        c.Key, c.Process.Start, c.Status, c.StartMs, c.LastSeenMs, c.EndMs, c.StuckSinceMs, c.Late, c.Messages,
        SnapshotStep.From(c.Last), [.. c.Topics]);

    private static SnapshotTrace ExportTrace(CorrelationTrace t) => new(
        t.Key, t.FirstType, t.FirstMs, t.LastType, t.LastMs, t.LastSeenWallMs,
        [.. t.Types.ToArray().Select(s => s.Type)], [.. t.Types.ToArray().Select(s => s.FirstMs)], t.FailureMs, t.Messages,
        t.Messages == 0 ? null : SnapshotStep.From(t.Last), [.. t.Topics], t.Assigned);

    private CorrelationTrace RestoreTrace(SnapshotTrace saved)
    {
        var trace = new CorrelationTrace(saved.Key)
        {
            FirstType = _names.Intern(saved.FirstType),
            FirstMs = saved.FirstMs,
            LastType = _names.Intern(saved.LastType),
            LastMs = saved.LastMs,
            LastSeenWallMs = saved.LastSeenWallMs,
            FailureMs = saved.FailureMs,
            Messages = saved.Messages,
            Topics = [.. saved.Topics.Select(_names.Intern)],
            Assigned = saved.Assigned,
        };
        if (saved.Last is not null)
        {
            trace.Last = RestoreStep(saved.Last);
        }

        for (var i = 0; i < Math.Min(saved.Types.Count, saved.TypeFirstMs.Count); i++)
        {
            trace.AddType(_names.Intern(saved.Types[i]), saved.TypeFirstMs[i]);
        }

        return trace;
    }

    private ConversationStepState RestoreStep(SnapshotStep s) => new()
    {
        MessageType = _names.Intern(s.Type),
        Source = _names.InternOrNull(s.Source),
        Topic = _names.Intern(s.Topic),
        Partition = s.Partition,
        Offset = s.Offset,
        MessageId = s.MessageId,
        TimestampMs = s.TimestampMs,
    };
}
