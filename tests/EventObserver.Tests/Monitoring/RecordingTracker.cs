using System.Text.Json;

using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Tests.Monitoring;

/// <summary>
/// A tracker double that keeps what it was given: every message id observed (with how often), the next offset per
/// partition (skipping offsets below it, as the contract says), alerts queued by the test, and a JSON snapshot of all of
/// it. <see cref="Observing"/> runs before each Observe, so a test can act "during" a catch-up.
/// </summary>
internal sealed class RecordingTracker : IConversationTracker
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<TopicPartitionKey, long> _positions = [];
    private readonly Queue<IReadOnlyList<ConversationAlert>> _alerts = new();

    public Action<IReadOnlyList<EventEnvelope>>? Observing { get; set; }

    public int Checks { get; private set; }

    public IReadOnlyDictionary<string, int> Seen
    {
        get { lock (_sync) { return new Dictionary<string, int>(_seen, StringComparer.Ordinal); } }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> Positions
    {
        get { lock (_sync) { return new Dictionary<TopicPartitionKey, long>(_positions); } }
    }

    public void QueueAlerts(params ConversationAlert[] alerts)
    {
        lock (_sync)
        {
            _alerts.Enqueue(alerts);
        }
    }

    public void Observe(IReadOnlyList<EventEnvelope> batch)
    {
        Observing?.Invoke(batch);
        lock (_sync)
        {
            foreach (var envelope in batch)
            {
                var key = new TopicPartitionKey(envelope.Topic, envelope.Partition);
                if (_positions.TryGetValue(key, out var next) && envelope.Offset < next)
                {
                    continue;
                }

                _positions[key] = envelope.Offset + 1;
                _seen[envelope.MessageId] = _seen.GetValueOrDefault(envelope.MessageId) + 1;
            }
        }
    }

    public IReadOnlyList<ConversationAlert> Check(DateTimeOffset now)
    {
        lock (_sync)
        {
            Checks++;
            return _alerts.TryDequeue(out var alerts) ? alerts : [];
        }
    }

    public byte[] ExportSnapshot()
    {
        lock (_sync)
        {
            return JsonSerializer.SerializeToUtf8Bytes(new State(
                new Dictionary<string, int>(_seen),
                _positions.ToDictionary(p => p.Key.ToString(), p => p.Value)));
        }
    }

    public void ImportSnapshot(ReadOnlySpan<byte> snapshot)
    {
        State state;
        try
        {
            state = JsonSerializer.Deserialize<State>(snapshot) ?? throw new FormatException("empty snapshot");
        }
        catch (JsonException ex)
        {
            throw new FormatException("not a snapshot", ex);
        }

        lock (_sync)
        {
            _seen.Clear();
            _positions.Clear();
            foreach (var (id, count) in state.Seen)
            {
                _seen[id] = count;
            }

            foreach (var (partition, next) in state.Positions)
            {
                var slash = partition.LastIndexOf('/');
                _positions[new TopicPartitionKey(partition[..slash], int.Parse(partition[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture))] = next;
            }
        }
    }

    public ConversationsOverview Overview(DateTimeOffset now, TimeSpan window) => new();

    public IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit) => [];

    public ConversationInfo? Find(string key) => null;

    private sealed record State(Dictionary<string, int> Seen, Dictionary<string, long> Positions);
}
