using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// The rules that decide an effect's causes. Every edge is decided by its effect alone, so walking
/// up and walking down give the same edges.
/// </summary>
internal static class LineageRules
{
    public const string UnknownPrefix = "unknown/";
    public const string MorePrefix = "more/";

    public static EventPosition PositionOf(EventEnvelope envelope) =>
        new(envelope.Topic, envelope.Partition, envelope.Offset);

    public static bool SamePosition(EventEnvelope a, EventEnvelope b) =>
        a.Offset == b.Offset && a.Partition == b.Partition && string.Equals(a.Topic, b.Topic, StringComparison.Ordinal);

    public static bool IsDeadLetter(EventEnvelope envelope) => envelope.DeadLetterOf is not null;

    public static bool HasCausation(EventEnvelope envelope) => !string.IsNullOrEmpty(envelope.CausationId);

    public static bool IsSelfCaused(EventEnvelope envelope) =>
        HasCausation(envelope) && string.Equals(envelope.CausationId, envelope.MessageId, StringComparison.Ordinal);

    /// <summary>
    /// A dead-letter copy keeps the original's headers, so its causation id is the original's:
    /// its only cause is the original. Only messages without any explicit link are inferred.
    /// </summary>
    public static bool InfersFromCorrelation(EventEnvelope envelope) =>
        !HasCausation(envelope) && !IsDeadLetter(envelope) && !string.IsNullOrEmpty(envelope.CorrelationId);

    /// <summary>
    /// The causes among the occurrences of a causation id: every occurrence except the effect itself,
    /// oldest first. Dead-letter copies share the original's id but caused nothing, so they only count
    /// when no other occurrence is indexed.
    /// </summary>
    public static List<EventEnvelope> SelectCauses(IReadOnlyList<EventEnvelope> occurrences, EventEnvelope effect)
    {
        var live = new List<EventEnvelope>(occurrences.Count);
        var deadLetters = new List<EventEnvelope>();
        foreach (var occurrence in occurrences)
        {
            if (SamePosition(occurrence, effect))
            {
                continue;
            }

            (IsDeadLetter(occurrence) ? deadLetters : live).Add(occurrence);
        }

        var causes = live.Count > 0 ? live : deadLetters;
        causes.Sort(EnvelopeOrder.Instance);
        return causes;
    }

    public static EventPosition? OriginPosition(DeadLetterOrigin origin) =>
        origin.Partition is { } partition && origin.Offset is { } offset
            ? new EventPosition(origin.Topic, partition, offset)
            : null;

    public static string OriginReference(DeadLetterOrigin origin) =>
        $"{origin.Topic}/{origin.Partition?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}/{origin.Offset?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";

    public static string UnknownId(string reference) => UnknownPrefix + reference;

    public static string MoreId(string anchorId, bool towardsCauses) =>
        MorePrefix + anchorId + (towardsCauses ? "/up" : "/down");
}
