using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Kinds;

/// <summary>Kind evidence that is not grammar: explicit hint values and topic naming.</summary>
internal static class KindHints
{
    /// <summary>command/cmd/send → Command; event/evt/publish → Event (NServiceBus MessageIntent uses Send/Publish).</summary>
    public static bool TryParseHint(string? hint, out MessageKind kind)
    {
        kind = MessageKind.Message;
        if (hint is null)
        {
            return false;
        }

        var span = hint.AsSpan().Trim();
        if (IsAny(span, "command", "commands", "cmd", "send"))
        {
            kind = MessageKind.Command;
        }
        else if (IsAny(span, "event", "events", "evt", "publish", "domainevent", "integrationevent"))
        {
            kind = MessageKind.Event;
        }

        return kind != MessageKind.Message;
    }

    /// <summary>
    /// A topic segment (split on <c>. - _ /</c>) naming commands or events decides, unless the topic is a
    /// dead-letter topic (it carries both kinds) or names both.
    /// </summary>
    public static bool TryFromTopic(string topic, out MessageKind kind)
    {
        kind = MessageKind.Message;
        var span = topic.AsSpan();
        bool commands = false, events = false, previousDead = false;
        foreach (var range in span.SplitAny(".-_/ "))
        {
            var segment = span[range];
            if (IsAny(segment, "dlt", "dlq", "deadletter", "deadletters", "deadletterqueue", "poison", "parkinglot")
                || (previousDead && IsAny(segment, "letter", "letters")))
            {
                return false;
            }

            previousDead = segment.Equals("dead", StringComparison.OrdinalIgnoreCase);
            commands |= IsAny(segment, "command", "commands", "cmd", "cmds");
            events |= IsAny(segment, "event", "events", "evt", "evts");
        }

        if (commands == events)
        {
            return false;
        }

        kind = commands ? MessageKind.Command : MessageKind.Event;
        return true;
    }

    private static bool IsAny(ReadOnlySpan<char> value, params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
