using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// Finds the causes and effects of one message, caching lookups for the duration of one query.
/// Causes come from <see cref="LineageRules"/>; effects are exactly the messages whose causes
/// include the given one, so both directions agree on every edge.
/// </summary>
internal sealed class LineageResolver(ILineageSource source, CorrelationTimelines timelines, int duplicateLimit)
{
    private readonly Dictionary<string, IReadOnlyList<EventEnvelope>> _occurrences = new(StringComparer.Ordinal);
    private readonly Dictionary<EventPosition, EventEnvelope?> _byPosition = [];

    /// <summary>
    /// Answers lookups from messages already read (a correlation graph's members): an id found among
    /// them is resolved there without asking the index.
    /// </summary>
    public void Preload(IReadOnlyList<EventEnvelope> envelopes)
    {
        foreach (var group in envelopes.GroupBy(e => e.MessageId, StringComparer.Ordinal))
        {
            _occurrences[group.Key] = group.ToList();
        }

        foreach (var envelope in envelopes)
        {
            _byPosition[LineageRules.PositionOf(envelope)] = envelope;
        }
    }

    public List<Relation> CausesOf(EventEnvelope effect)
    {
        if (effect.DeadLetterOf is { } origin)
        {
            var original = LineageRules.OriginPosition(origin) is { } position ? Get(position) : null;
            if (original is not null && LineageRules.SamePosition(original, effect))
            {
                return [];
            }

            return [original is null
                ? Relation.Missing(LineageEdgeKind.DeadLetter, LineageRules.OriginReference(origin))
                : Relation.To(LineageEdgeKind.DeadLetter, original)];
        }

        if (LineageRules.HasCausation(effect))
        {
            if (LineageRules.IsSelfCaused(effect))
            {
                return [];
            }

            var causes = LineageRules.SelectCauses(Occurrences(effect.CausationId!), effect);
            return causes.Count == 0
                ? [Relation.Missing(LineageEdgeKind.Causation, effect.CausationId!)]
                : causes.ConvertAll(c => Relation.To(LineageEdgeKind.Causation, c));
        }

        var predecessor = timelines.PredecessorOf(effect);
        return predecessor is null ? [] : [Relation.To(LineageEdgeKind.Correlation, predecessor)];
    }

    /// <summary>
    /// The effects of <paramref name="cause"/>, at most about <paramref name="limit"/> of each sort,
    /// and how many effects exist in total as far as the index can count them.
    /// </summary>
    public (List<Relation> Effects, int Total) EffectsOf(EventEnvelope cause, int limit)
    {
        var effects = new List<Relation>();
        var total = 0;

        if (!string.IsNullOrEmpty(cause.MessageId) && CanCause(cause))
        {
            var fetched = source.FindByCausationId(cause.MessageId, limit);
            var rejected = 0;
            foreach (var candidate in fetched)
            {
                if (IsEffectByCausation(candidate, cause))
                {
                    effects.Add(Relation.To(LineageEdgeKind.Causation, candidate));
                }
                else
                {
                    rejected++;
                }
            }

            var accepted = fetched.Count - rejected;
            total += fetched.Count >= limit
                ? Math.Max(accepted, source.CountByCausationId(cause.MessageId) - rejected)
                : accepted;
        }

        foreach (var deadLetter in source.FindDeadLettersOf(LineageRules.PositionOf(cause), limit))
        {
            if (!LineageRules.SamePosition(deadLetter, cause))
            {
                effects.Add(Relation.To(LineageEdgeKind.DeadLetter, deadLetter));
                total++;
            }
        }

        if (timelines.SuccessorOf(cause) is { } successor)
        {
            effects.Add(Relation.To(LineageEdgeKind.Correlation, successor));
            total++;
        }

        effects.Sort((a, b) => EnvelopeOrder.Instance.Compare(a.Envelope, b.Envelope));
        return (effects, total);
    }

    private static bool IsEffectByCausation(EventEnvelope candidate, EventEnvelope cause) =>
        !LineageRules.SamePosition(candidate, cause)
        && !LineageRules.IsDeadLetter(candidate)
        && !LineageRules.IsSelfCaused(candidate);

    /// <summary>A dead-letter copy is a cause only when no live occurrence of its id is indexed.</summary>
    private bool CanCause(EventEnvelope cause) =>
        !LineageRules.IsDeadLetter(cause) || Occurrences(cause.MessageId).All(LineageRules.IsDeadLetter);

    private IReadOnlyList<EventEnvelope> Occurrences(string messageId)
    {
        if (!_occurrences.TryGetValue(messageId, out var occurrences))
        {
            occurrences = source.FindByMessageId(messageId, duplicateLimit);
            _occurrences[messageId] = occurrences;
        }

        return occurrences;
    }

    private EventEnvelope? Get(EventPosition position)
    {
        if (!_byPosition.TryGetValue(position, out var envelope))
        {
            envelope = source.Get(position);
            _byPosition[position] = envelope;
        }

        return envelope;
    }
}
