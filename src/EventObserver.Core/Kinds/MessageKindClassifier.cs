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
        var type = string.IsNullOrWhiteSpace(typeName) ? null : typeName;
        return Combine(explicitHint, TypeEvidence.Of(type), TopicEvidence(topic));
    }

    /// <summary>The topic's kind hint, <see cref="MessageKind.Message"/> when it gives none.</summary>
    internal static MessageKind TopicEvidence(string? topic) =>
        !string.IsNullOrWhiteSpace(topic) && KindHints.TryFromTopic(topic, out var kind) ? kind : MessageKind.Message;

    internal static MessageKind Combine(string? explicitHint, TypeEvidence type, MessageKind topic)
    {
        if (KindHints.TryParseHint(explicitHint, out var kind))
        {
            return kind;
        }

        if (type.Marker != MessageKind.Message)
        {
            return type.Marker;
        }

        return topic != MessageKind.Message ? topic : type.Grammar;
    }
}
