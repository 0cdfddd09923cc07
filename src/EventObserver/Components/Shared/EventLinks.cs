using EventObserver.Core.Envelopes;

namespace EventObserver.Components.Shared;

/// <summary>Relative links between the feed, the event detail, lineage and replay.</summary>
public static class EventLinks
{
    public static string Detail(string topic, int partition, long offset) =>
        $"events/{Uri.EscapeDataString(topic)}/{partition}/{offset}";

    public static string Lineage(string eventId) => $"lineage?event={Uri.EscapeDataString(eventId)}";

    public static string Replay(string eventId) => $"replay?event={Uri.EscapeDataString(eventId)}";

    public static string KindClass(MessageKind kind) => kind switch
    {
        MessageKind.Command => "eo-kind-command",
        MessageKind.Event => "eo-kind-event",
        _ => "eo-kind-message",
    };
}
