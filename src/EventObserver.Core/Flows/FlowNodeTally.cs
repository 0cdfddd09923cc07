using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Flows;

/// <summary>What the window showed of one message type in one lane: how many, which kinds, which topics.</summary>
internal sealed class FlowNodeTally(string id, string label, string lane, bool deadLetter)
{
    private readonly long[] _kinds = new long[3];
    private readonly SortedSet<string> _topics = new(StringComparer.Ordinal);

    public string Id { get; } = id;
    public string Label { get; } = label;
    public string Lane { get; } = lane;
    public bool DeadLetter { get; } = deadLetter;
    public long Count { get; private set; }
    public bool Failure { get; private set; }

    /// <summary>The kind most of its messages were given (ties go to command, then event).</summary>
    public FlowNodeKind Kind =>
        _kinds[(int)MessageKind.Command] > 0 && _kinds[(int)MessageKind.Command] >= _kinds[(int)MessageKind.Event] && _kinds[(int)MessageKind.Command] >= _kinds[(int)MessageKind.Message]
            ? FlowNodeKind.Command
            : _kinds[(int)MessageKind.Event] > 0 && _kinds[(int)MessageKind.Event] >= _kinds[(int)MessageKind.Message]
                ? FlowNodeKind.Event
                : FlowNodeKind.Message;

    public void Add(EventEnvelope e)
    {
        Count++;
        var kind = (int)e.Kind;
        if (kind >= 0 && kind < _kinds.Length)
        {
            _kinds[kind]++;
        }

        _topics.Add(e.Topic);
        Failure |= FlowNaming.IsFailure(e);
    }

    public FlowNode ToNode(bool unreacted) => new()
    {
        Id = Id,
        Kind = Kind,
        Label = Label,
        Lane = Lane,
        Count = Count,
        Topics = [.. _topics],
        Failure = Failure,
        DeadLetter = DeadLetter,
        Unreacted = unreacted,
    };
}
