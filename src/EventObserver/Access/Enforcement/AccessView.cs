using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// What one user sees of the events: only topics they may read, re-decoded when their schema was unavailable when they
/// were indexed, and masked unless they see raw values. The one mechanism every read path applies (index reads through
/// <see cref="Over"/>, the live feed through <see cref="AccessFeed"/>). A transparent view (every topic, nothing to
/// mask, nothing to re-decode) is skipped entirely, so such a reader pays nothing per event.
/// </summary>
public sealed class AccessView
{
    private readonly IEventMasker _masker;
    private readonly EnvelopeDecoder? _decoder;

    /// <param name="access">Who reads.</param>
    /// <param name="masker">The masking rules.</param>
    /// <param name="decoder">
    /// Re-decodes envelopes indexed while their schema was unavailable (<see cref="EnvelopeDecoder.Redecode"/>), before
    /// masking, so rules apply to the JSON view; null shows envelopes as indexed.
    /// </param>
    public AccessView(UserAccess access, IEventMasker masker, EnvelopeDecoder? decoder = null)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(masker);
        Access = access;
        _masker = masker;
        _decoder = decoder;
        FiltersTopics = !access.Topics.IsUnrestricted;
        Masks = !access.SeesRawValues && masker.HasRules;
    }

    public UserAccess Access { get; }

    /// <summary>True when some topic may be denied.</summary>
    public bool FiltersTopics { get; }

    /// <summary>True when masking rules apply to this user's reads.</summary>
    public bool Masks { get; }

    /// <summary>Nothing to filter, nothing to mask, nothing to re-decode: reads need no view at all.</summary>
    public bool IsTransparent => !FiltersTopics && !Masks && _decoder is null;

    /// <summary>
    /// Whether the live feed can be passed on untouched: its events were decoded moments ago, so re-decoding them would
    /// only cost (per event and per subscriber); only topic access and masking count there.
    /// </summary>
    public bool IsTransparentLive => !FiltersTopics && !Masks;

    public bool CanRead(string topic) => Access.Topics.CanRead(topic);

    /// <summary>The index as this user reads it (the index itself when the view is transparent).</summary>
    public IEventIndex Over(IEventIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return IsTransparent ? index : new AccessFilteredIndex(index, this);
    }

    /// <summary>
    /// The envelope as this user sees it: re-decoded when its schema was unavailable at ingest, then masked when masking
    /// applies; the same instance when neither changed anything.
    /// </summary>
    public EventEnvelope Mask(EventEnvelope envelope)
    {
        var current = _decoder is null ? envelope : _decoder.Redecode(envelope);
        return Masks ? _masker.Mask(current) : current;
    }

    /// <summary>Null for an envelope of a denied topic; otherwise as this user sees it.</summary>
    public EventEnvelope? Show(EventEnvelope? envelope) =>
        envelope is null || !CanRead(envelope.Topic) ? null : Mask(envelope);

    /// <summary>
    /// Whether a raw event that matched <paramref name="filter"/> is shown to this user, and as what. Denied topics are
    /// not; and when masking changed the event, the filter's unindexed parts (free text, header value) must match the
    /// masked event too, so a search cannot probe a masked value.
    /// </summary>
    public bool TryShow(EventSelection filter, EventEnvelope envelope, [NotNullWhen(true)] out EventEnvelope? shown)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(envelope);
        shown = null;
        if (!CanRead(envelope.Topic))
        {
            return false;
        }

        var masked = Mask(envelope);
        if (!ReferenceEquals(masked, envelope) && filter.NeedsScan && !filter.MatchesScannedParts(masked))
        {
            return false;
        }

        shown = masked;
        return true;
    }

    /// <summary>
    /// The selection narrowed to the topics this user may read: its own topics that are readable, or when it names
    /// none, the readable ones of <paramref name="knownTopics"/>. Null when no readable topic is left (an empty list
    /// would mean every topic).
    /// </summary>
    public EventSelection? Restrict(EventSelection selection, Func<IEnumerable<string>> knownTopics)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return FiltersTopics ? Narrow(selection, CanRead, knownTopics) : selection;
    }

    /// <summary>
    /// The one narrowing of a selection to readable topics (also used by <see cref="Shared.PermittedTopics"/>): its own
    /// topics when all are readable, else its readable ones, or when it names none the readable ones of
    /// <paramref name="knownTopics"/>. Null when no readable topic is left (an empty list would mean every topic).
    /// </summary>
    public static EventSelection? Narrow(EventSelection selection, Func<string, bool> canRead, Func<IEnumerable<string>> knownTopics)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(canRead);
        ArgumentNullException.ThrowIfNull(knownTopics);
        if (selection.Topics.Count > 0 && selection.Topics.All(canRead))
        {
            return selection;
        }

        var candidates = selection.Topics.Count > 0 ? selection.Topics : knownTopics();
        List<string> readable = [.. candidates.Where(canRead).Distinct(StringComparer.Ordinal)];
        return readable.Count == 0 ? null : selection with { Topics = readable };
    }
}
