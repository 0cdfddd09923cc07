using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>
/// A live-feed filter, evaluated on the server. Every set part must match (AND); within
/// <see cref="Topics"/> any topic matches (OR). An empty filter matches everything.
/// </summary>
/// <remarks>
/// Topics, key and correlation id compare exactly (ordinal); type, source and the header name ignore case;
/// the header value compares exactly against the header's UTF-8 text. <see cref="Text"/> is a case-insensitive
/// substring search over the key, the text header values and the first <see cref="MaxScannedPayloadBytes"/>
/// bytes of a JSON or text payload, in time linear in what it reads; it holds at most <see cref="MaxTextLength"/>
/// characters.
/// </remarks>
public sealed record FeedFilter
{
    /// <summary>How much of a payload the free-text search reads; the rest of a large payload is not searched.</summary>
    public const int MaxScannedPayloadBytes = 64 * 1024;

    /// <summary>Longest <see cref="Text"/> accepted: a search phrase, not a document.</summary>
    public const int MaxTextLength = 200;

    public static readonly FeedFilter All = new();

    private readonly string? _text;

    // Built on first use; a copy made with 'with' keeps it only while Text stays the same (Text's init resets it).
    private TextSearch? _textSearch;

    public IReadOnlyList<string> Topics { get; init; } = [];
    public MessageKind? Kind { get; init; }
    public string? Type { get; init; }
    public string? Key { get; init; }
    public string? CorrelationId { get; init; }
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

    /// <summary>True when nothing is set: every event matches.</summary>
    public bool IsEmpty =>
        Topics.Count == 0 && Kind is null && IsBlank(Type) && IsBlank(Key) && IsBlank(CorrelationId)
        && IsBlank(Source) && IsBlank(HeaderName) && IsBlank(Text);

    /// <summary>True when the filter has a free-text part, which scans payloads instead of using an index.</summary>
    public bool ScansText => !IsBlank(Text);

    /// <summary>Whether <paramref name="envelope"/> passes every set part of this filter.</summary>
    public bool Matches(EventEnvelope envelope) => FeedFilterMatcher.Matches(this, envelope);

    /// <summary>Why a free text of <paramref name="length"/> characters is refused.</summary>
    public static string TooLong(int length) =>
        $"the free text is {length:N0} characters long; at most {MaxTextLength} are allowed";

    /// <summary>The prepared search for <see cref="Text"/>; null when there is no text.</summary>
    internal TextSearch? TextSearch => IsBlank(_text) ? null : _textSearch ??= new TextSearch(_text!);

    // Value equality over the topic list too, so a filter read back from a URL equals the one written.
    public bool Equals(FeedFilter? other) =>
        other is not null
        && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal)
        && Kind == other.Kind
        && Type == other.Type
        && Key == other.Key
        && CorrelationId == other.CorrelationId
        && Source == other.Source
        && HeaderName == other.HeaderName
        && HeaderValue == other.HeaderValue
        && Text == other.Text;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var topic in Topics)
        {
            hash.Add(topic, StringComparer.Ordinal);
        }

        hash.Add(Kind);
        hash.Add(Type);
        hash.Add(Key);
        hash.Add(CorrelationId);
        hash.Add(Source);
        hash.Add(HeaderName);
        hash.Add(HeaderValue);
        hash.Add(Text);
        return hash.ToHashCode();
    }

    private static bool IsBlank(string? value) => string.IsNullOrEmpty(value);
}
