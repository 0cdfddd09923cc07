using System.Runtime.InteropServices;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Flows;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Conversations;

/// <summary>
/// Tracks conversations incrementally from committed batches: keys them (correlation id, else a known cause's
/// conversation, else a start message's own id), assigns them to processes (configured, or inferred from a learning
/// table of recent correlations), and moves them Open → Completed / Failed / Stuck. One lock guards everything; Observe
/// does dictionary work per message only, so the index writer's thread barely notices it.
/// </summary>
public sealed partial class ConversationTracker : IConversationTracker
{
    /// <summary>Recent correlations kept for learning: enough for inference to see hundreds of each process, small in memory.</summary>
    internal const int LearningCapacity = 20_000;

    /// <summary>Types and topics are few; a flood of generated names must not grow the caches without bound.</summary>
    private const int MaxNamesCached = 50_000;

    private readonly Lock _gate = new();
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly StringPool _names = new();
    private readonly TopicList _topicSets = new();
    private readonly Dictionary<string, (string Name, bool Failure)> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, bool DeadLetter)> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<TopicPartitionKey, long> _positions = [];
    private readonly Dictionary<string, ProcessState> _processesByStart = new(StringComparer.Ordinal);
    private readonly List<ProcessState> _processes = [];
    private readonly Dictionary<string, TrackedConversation> _conversations = new(StringComparer.Ordinal);
    private readonly PriorityQueue<TrackedConversation, long> _byStart = new();
    private readonly TraceTable _traces;
    private readonly MessageIndex _messages;
    private readonly ReactionTable _reactions = new();
    private readonly List<ConversationAlert> _pendingAlerts = [];
    private long _live;
    private long _overflowed;
    private long _messagesObserved;
    private long _ignored;
    private DateTimeOffset _lastInference = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSample = DateTimeOffset.MinValue;

    public ConversationTracker(MonitoringOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _traces = new TraceTable(LearningCapacity, ForgetTrace);
        // A few messages per open conversation, and never less than the learning table's correlations need.
        _messages = new MessageIndex(Math.Max(4 * LearningCapacity, 2 * Math.Max(1, options.MaxOpenConversations)));
        AddConfiguredProcesses();
    }

    private void AddConfiguredProcesses()
    {
        foreach (var configured in _options.Processes.Where(p => !string.IsNullOrWhiteSpace(p.Start)))
        {
            var start = _names.Intern(configured.Start);
            if (_processesByStart.ContainsKey(start))
            {
                continue;
            }

            var process = new ProcessState(configured.Name ?? start, start, configured: true)
            {
                Done = new HashSet<string>(configured.Done.Select(_names.Intern), StringComparer.Ordinal),
                Failed = new HashSet<string>(configured.Failed.Select(_names.Intern), StringComparer.Ordinal),
                Within = configured.Within,
            };
            _processesByStart[start] = process;
            _processes.Add(process);
        }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> Positions
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<TopicPartitionKey, long>(_positions);
            }
        }
    }

    /// <summary>Messages that had no key (no correlation id, no known cause, not a start type): not part of any conversation.</summary>
    internal long IgnoredMessages
    {
        get
        {
            lock (_gate)
            {
                return _ignored;
            }
        }
    }

    public void Observe(IReadOnlyList<EventEnvelope> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_options.Enabled || batch.Count == 0)
        {
            return;
        }

        var wallMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                ObserveOne(batch[i], wallMs);
            }
        }
    }

    private void ObserveOne(EventEnvelope e, long wallMs)
    {
        ref var next = ref CollectionsMarshal.GetValueRefOrAddDefault(_positions, new TopicPartitionKey(e.Topic, e.Partition), out var known);
        if (known && e.Offset < next)
        {
            return;
        }

        next = e.Offset + 1;
        _messagesObserved++;

        var (type, failureType) = TypeNamed(FlowNaming.TypeOf(e));
        var key = string.IsNullOrEmpty(e.CorrelationId) ? null : e.CorrelationId;
        var conversation = key is null ? null : _conversations.GetValueOrDefault(key);
        MessageIndex.MessageRef cause = default;
        var hasCause = false;
        if (e.CausationId is { Length: > 0 } causation)
        {
            // Most messages answer the conversation's newest one: no trip through the message index for those.
            if (conversation is not null && conversation.Last.MessageId == causation)
            {
                cause = new MessageIndex.MessageRef(conversation.Key, conversation.Last.MessageType, conversation.Last.Source);
                hasCause = true;
            }
            else
            {
                hasCause = _messages.TryGet(causation, out cause);
            }
        }

        if (key is null)
        {
            if (hasCause)
            {
                key = cause.Key;
            }
            else if (type != FlowNaming.Untyped && _processesByStart.ContainsKey(type))
            {
                key = e.MessageId;
            }
            else
            {
                _ignored++;
                return;
            }

            conversation = _conversations.GetValueOrDefault(key);
        }

        var source = _names.InternOrNull(string.IsNullOrWhiteSpace(e.Source) ? null : e.Source);
        var trace = conversation is not null ? conversation.Trace : _traces.Find(key);

        // The key string already kept (not this envelope's copy), so the index holds no string per message.
        var keptKey = conversation?.Key ?? trace?.Key ?? key;
        if (!_messages.TryAdd(e.MessageId, new MessageIndex.MessageRef(keptKey, type, source)))
        {
            // A producer retry of a message already counted (another offset, same id).
            return;
        }

        var (topic, deadLetterTopic) = TopicNamed(e.Topic);
        var failure = e.DeadLetterOf is not null || deadLetterTopic || failureType;

        LearnReaction(e, type, source, topic, key, hasCause ? cause : null, conversation, trace);

        var step = new ConversationStepState
        {
            MessageType = type, Source = source, Topic = topic, Partition = e.Partition, Offset = e.Offset,
            MessageId = e.MessageId, TimestampMs = e.TimestampMs,
        };
        if (conversation is not null)
        {
            if (trace is not null)
            {
                _traces.Touch(trace);
                UpdateTrace(trace, step, failure, wallMs);
            }

            Apply(conversation, step, failure);
            return;
        }

        trace ??= _traces.GetOrAdd(key);
        _traces.Touch(trace);
        UpdateTrace(trace, step, failure, wallMs);
        if (type != FlowNaming.Untyped && _processesByStart.TryGetValue(type, out var process))
        {
            Materialize(trace, process);
        }
    }

    private void ForgetTrace(CorrelationTrace trace)
    {
        if (_conversations.TryGetValue(trace.Key, out var conversation) && ReferenceEquals(conversation.Trace, trace))
        {
            conversation.Trace = null;
        }
    }

    private void LearnReaction(
        EventEnvelope e, string type, string? source, string topic, string key, MessageIndex.MessageRef? cause,
        TrackedConversation? conversation, CorrelationTrace? trace)
    {
        if (cause is { } known)
        {
            if (known.Key == key)
            {
                _reactions.Learn(known.Type, type, source, topic);
            }

            return;
        }

        if (!string.IsNullOrEmpty(e.CausationId))
        {
            // A cause we no longer (or never) knew: order within the correlation would guess wrong.
            return;
        }

        var (previousType, previousMs) = conversation is not null
            ? (conversation.Last.MessageType, conversation.Last.TimestampMs)
            : trace is not null ? (trace.LastType, trace.LastMs) : (null, 0L);
        if (previousType is not null && e.TimestampMs >= previousMs)
        {
            _reactions.Learn(previousType, type, source, topic);
        }
    }

    private void UpdateTrace(CorrelationTrace trace, ConversationStepState step, bool failure, long wallMs)
    {
        trace.Messages++;
        trace.LastSeenWallMs = wallMs;
        trace.AddType(step.MessageType, step.TimestampMs);
        trace.Topics = _topicSets.Add(trace.Topics, step.Topic);
        if (step.TimestampMs < trace.FirstMs)
        {
            trace.FirstMs = step.TimestampMs;
            trace.FirstType = step.MessageType;
        }

        if (step.TimestampMs >= trace.LastMs)
        {
            trace.LastMs = step.TimestampMs;
            trace.LastType = step.MessageType;
            trace.Last = step;
        }

        if (failure && (trace.FailureMs is null || step.TimestampMs < trace.FailureMs))
        {
            trace.FailureMs = step.TimestampMs;
        }
    }

    /// <summary>
    /// The interned type and whether its name says failure (the flow map's rule), in one lookup: the same few types
    /// come again and again.
    /// </summary>
    private (string Name, bool Failure) TypeNamed(string type)
    {
        if (!_types.TryGetValue(type, out var named))
        {
            var probe = new EventEnvelope { Topic = string.Empty, Partition = 0, Offset = 0, TimestampMs = 0, MessageId = string.Empty, MessageType = type };
            named = (_names.Intern(type), FlowNaming.IsFailure(probe));
            if (_types.Count < MaxNamesCached)
            {
                _types[named.Name] = named;
            }
        }

        return named;
    }

    /// <summary>The interned topic and whether it is a dead-letter topic, in one lookup.</summary>
    private (string Name, bool DeadLetter) TopicNamed(string topic)
    {
        if (!_topics.TryGetValue(topic, out var named))
        {
            named = (_names.Intern(topic), FlowNaming.IsDeadLetterTopic(topic));
            if (_topics.Count < MaxNamesCached)
            {
                _topics[named.Name] = named;
            }
        }

        return named;
    }

    private bool IsFailureType(string type) => TypeNamed(type).Failure;
}
