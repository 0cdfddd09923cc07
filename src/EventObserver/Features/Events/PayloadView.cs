using System.Text;
using System.Text.Json;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Features.Events;

/// <summary>
/// How the detail page shows a payload: the JSON view (a decoded Avro, Protobuf, JSON Schema or MessagePack value, or a
/// JSON payload) as a tree and text, a text payload as text, and the raw bytes as a hex dump. Only the first
/// <see cref="PreviewBytes"/> bytes are decoded up front, so a multi-megabyte payload never freezes the page; the rest
/// is read on "show all".
/// </summary>
public sealed class PayloadView
{
    public const int PreviewBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly byte[]? _raw;
    private readonly byte[]? _text;

    private PayloadView(EventEnvelope e)
    {
        _raw = e.Payload;
        Decoding = e.Decoding;
        RawWithheld = RawPayloadWithheld.Is(e);
        Format = e.Payload is null ? PayloadFormat.Tombstone
            : e.Payload.Length == 0 && !RawWithheld ? PayloadFormat.Empty
            : e.PayloadFormat;
        Size = e.Payload?.Length ?? 0;
        IsJson = e.JsonPayload is not null;
        _text = e.JsonPayload ?? (Format == PayloadFormat.Text ? e.Payload : null);
    }

    /// <summary>How the raw bytes were classified (Binary for a schema-encoded value).</summary>
    public PayloadFormat Format { get; }

    /// <summary>How a schema-encoded value was decoded; null when it is not schema-encoded.</summary>
    public PayloadDecoding? Decoding { get; }

    /// <summary>Masking changed the decoded value, so its raw bytes are not shown (they would carry the masked values).</summary>
    public bool RawWithheld { get; }

    /// <summary>What the format chip says: the schema format for a schema-encoded value, else the raw classification.</summary>
    public string FormatLabel => Decoding is { } d ? DecodingText.FormatName(d.Format) : Format.ToString().ToLowerInvariant();

    /// <summary>Size of the raw bytes.</summary>
    public int Size { get; }

    /// <summary>Size of what is shown as text (the JSON view of a decoded value, else the raw bytes).</summary>
    public int TextSize => _text?.Length ?? 0;

    /// <summary>The text shown is JSON: a JSON payload or the JSON view of a decoded one.</summary>
    public bool IsJson { get; }

    public bool IsTruncated => TextSize > PreviewBytes;

    public bool HasText => _text is not null;

    /// <summary>The parsed JSON, for payloads small enough to show as a tree.</summary>
    public JsonElement? Json { get; private init; }

    /// <summary>Pretty JSON or the text, of the first <see cref="PreviewBytes"/> bytes when truncated.</summary>
    public string? Text { get; private init; }

    /// <summary>Why the JSON tree is missing for a JSON payload (broken JSON, too large).</summary>
    public string? JsonNote { get; private init; }

    /// <summary>The raw bytes (for the hex dump).</summary>
    public ReadOnlySpan<byte> Bytes => _raw;

    public string Summary => Format switch
    {
        PayloadFormat.Tombstone => "Tombstone: no payload (a delete marker for this key).",
        PayloadFormat.Empty => "Empty payload (0 bytes).",
        _ when RawWithheld => "The raw bytes are withheld: masking changed the decoded value.",
        PayloadFormat.Binary => $"Binary payload, {Size:N0} bytes: see the raw bytes below.",
        _ => "",
    };

    public static PayloadView From(EventEnvelope e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var draft = new PayloadView(e);
        if (draft._text is not { } text)
        {
            return draft;
        }

        if (draft.IsTruncated)
        {
            return new PayloadView(e)
            {
                Text = Encoding.UTF8.GetString(text, 0, PreviewBytes),
                JsonNote = draft.IsJson ? "Too large for the tree view: showing the text." : null,
            };
        }

        if (draft.IsJson)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement.Clone();
                return new PayloadView(e) { Json = root, Text = JsonSerializer.Serialize(root, Indented) };
            }
            catch (JsonException ex)
            {
                return new PayloadView(e) { Text = Encoding.UTF8.GetString(text), JsonNote = $"Not valid JSON ({ex.Message}): showing the text." };
            }
        }

        return new PayloadView(e) { Text = Encoding.UTF8.GetString(text) };
    }

    /// <summary>The whole text (no pretty printing: it may be megabytes).</summary>
    public string FullText() => _text is null ? "" : Encoding.UTF8.GetString(_text);
}
