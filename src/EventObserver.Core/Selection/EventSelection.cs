using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Selection;

/// <summary>
/// Which events: the one model behind the REST API, the hub and live-feed filters, the feed page, replay selections
/// and the index's range reads. Every set part must match (AND); within <see cref="Topics"/> any topic matches, within
/// <see cref="Ranges"/> any range (OR). Blank texts are unset. An empty selection matches everything.
/// </summary>
/// <remarks>
/// In memory (<see cref="Matches"/>) topics, key, message, correlation and causation ids compare exactly (ordinal);
/// type, source and the header name ignore case; the header value compares exactly against the header's UTF-8 text.
/// The index answers topics, type, kind, key, the ids, time and ranges from its lookups (type there is exact) and checks
/// source, header and <see cref="Text"/> event by event (<see cref="NeedsScan"/>). <see cref="Text"/> is a
/// case-insensitive substring search over the key, the text header values and the first
/// <see cref="MaxScannedPayloadBytes"/> bytes of a JSON or text payload, in time linear in what it reads; it holds at
/// most <see cref="MaxTextLength"/> characters. <see cref="Limit"/> is not a part: it caps how many are taken.
/// </remarks>
public sealed record EventSelection
{
    /// <summary>How much of a payload the free-text search reads; the rest of a large payload is not searched.</summary>
    public const int MaxScannedPayloadBytes = 64 * 1024;

    /// <summary>Longest <see cref="Text"/> accepted: a search phrase, not a document.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Most <see cref="Ranges"/> accepted.</summary>
    public const int MaxRanges = 1000;

    /// <summary>Events one index query gives without a <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Most events one index query gives (a page); replays may take more.</summary>
    public const int MaxLimit = 1000;

    public static readonly EventSelection All = new();

    private readonly string? _text;

    // Built on first use; a copy made with 'with' keeps it only while Text stays the same (Text's init resets it).
    private TextSearch? _textSearch;

    public IReadOnlyList<string> Topics { get; init; } = [];
    public MessageKind? Kind { get; init; }
    public string? Type { get; init; }
    public string? Key { get; init; }
    public string? MessageId { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }
    public string? Source { get; init; }
    public string? HeaderName { get; init; }

    /// <summary>With <see cref="HeaderName"/>: the header's text value must equal this.</summary>
    public string? HeaderValue { get; init; }

    /// <summary>Free text over key, headers and payload: a scan, not an index lookup. At most <see cref="MaxTextLength"/> characters.</summary>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxTextLength"/>.</exception>
    public string? Text
    {
        get => _text;
        init
        {
            if (value is { Length: > MaxTextLength })
            {
                throw new ArgumentException(TooLong(value.Length), nameof(Text));
            }

            _text = value;
            _textSearch = null;
        }
    }

    /// <summary>Events at or after this time (their timestamp's millisecond).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Events at or before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>When not empty, only events inside one of these offset ranges.</summary>
    public IReadOnlyList<PartitionRange> Ranges { get; init; } = [];

    /// <summary>How many to take: the newest that many. Null: every match (a page of <see cref="DefaultLimit"/> for index queries).</summary>
    public long? Limit { get; init; }

    /// <summary>True when no part restricts which events match (the limit aside): every event matches.</summary>
    public bool IsEmpty =>
        Topics.Count == 0 && Kind is null && IsBlank(Type) && IsBlank(Key) && IsBlank(MessageId) && IsBlank(CorrelationId)
        && IsBlank(CausationId) && From is null && To is null && Ranges.Count == 0 && !NeedsScan;

    /// <summary>True when part of the selection (source, header, free text) has no index and is checked event by event.</summary>
    public bool NeedsScan => !IsBlank(Source) || !IsBlank(HeaderName) || !IsBlank(Text);

    /// <summary>True when the selection has a free-text part, which scans payloads.</summary>
    public bool ScansText => !IsBlank(Text);

    private (MessageKind?, string?, string?, string?, string?, string?, string?, string?, string?, string?, DateTimeOffset?, DateTimeOffset?, long?) Scalars =>
        (Kind, Type, Key, MessageId, CorrelationId, CausationId, Source, HeaderName, HeaderValue, Text, From, To, Limit);

    /// <summary>The prepared search for <see cref="Text"/>; null when there is no text.</summary>
    internal TextSearch? TextSearch => IsBlank(_text) ? null : _textSearch ??= new TextSearch(_text!);

    /// <summary>Why a free text of <paramref name="length"/> characters is refused.</summary>
    public static string TooLong(int length) =>
        $"the free text is {length:N0} characters long; at most {MaxTextLength} are allowed";

    /// <summary>Whether <paramref name="envelope"/> passes every set part of this selection.</summary>
    public bool Matches(EventEnvelope envelope) => SelectionMatcher.Matches(this, envelope);

    /// <summary>Whether <paramref name="envelope"/> passes the parts the index cannot answer (<see cref="NeedsScan"/>).</summary>
    public bool MatchesScannedParts(EventEnvelope envelope) => SelectionMatcher.MatchesScannedParts(this, envelope);

    /// <summary>The parts an index lookup answers, without source, header and free text.</summary>
    public EventSelection WithoutScannedParts() =>
        NeedsScan ? this with { Source = null, HeaderName = null, HeaderValue = null, Text = null } : this;

    /// <summary>
    /// Problems by parameter name (API style); empty when the selection is usable. <paramref name="maxLimit"/> is the
    /// largest <see cref="Limit"/> the caller takes.
    /// </summary>
    public Dictionary<string, string[]> Validate(long maxLimit = long.MaxValue) => SelectionRules.Validate(this, maxLimit);

    // Value equality over the lists too, so a selection read back from a URL equals the one written.
    public bool Equals(EventSelection? other) =>
        other is not null
        && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal)
        && Ranges.SequenceEqual(other.Ranges)
        && Scalars == other.Scalars;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var topic in Topics)
        {
            hash.Add(topic, StringComparer.Ordinal);
        }

        foreach (var range in Ranges)
        {
            hash.Add(range);
        }

        hash.Add(Scalars);
        return hash.ToHashCode();
    }

    internal static bool IsBlank(string? value) => string.IsNullOrEmpty(value);
}
