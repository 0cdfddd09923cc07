using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Kinds;

/// <summary>
/// Decides whether a message is a command, an event or neither. Evidence, strongest first:
/// an explicit hint (a kind header or mapping: command/event, NServiceBus Send/Publish); markers in the
/// type name (a <c>Command</c>/<c>Event</c> suffix, a <c>commands</c>/<c>events</c> namespace or CloudEvents
/// type segment); the topic name (<c>orders.commands</c>, <c>payment-events</c>; dead-letter topics say nothing);
/// the type name's grammar (past tense → event, leading imperative verb → command).
/// </summary>
public static class MessageKindClassifier
{
    public static MessageKind Classify(string? typeName, string? topic, string? explicitHint)
    {
        if (KindHints.TryParseHint(explicitHint, out var kind))
        {
            return kind;
        }

        var type = string.IsNullOrWhiteSpace(typeName) ? null : typeName;
        if (type is not null && TypeNameGrammar.TryGetMarker(type, out kind))
        {
            return kind;
        }

        if (!string.IsNullOrWhiteSpace(topic) && KindHints.TryFromTopic(topic, out kind))
        {
            return kind;
        }

        return type is not null && TypeNameGrammar.TryFromGrammar(type, out kind) ? kind : MessageKind.Message;
    }
}
