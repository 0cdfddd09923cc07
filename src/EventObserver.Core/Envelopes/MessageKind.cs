namespace EventObserver.Core.Envelopes;

/// <summary>What a message is: a command (a request to act) or an event (a fact), or unknown.</summary>
public enum MessageKind
{
    Message = 0,
    Command = 1,
    Event = 2,
}
