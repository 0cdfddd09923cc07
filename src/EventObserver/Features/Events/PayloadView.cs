using System.Text;
using System.Text.Json;

using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Events;

/// <summary>
/// How the detail page shows a payload. Only the first <see cref="PreviewBytes"/> bytes are decoded up front,
/// so a multi-megabyte payload never freezes the page; the rest is read on "show all".
/// </summary>
public sealed class PayloadView
{
    public const int PreviewBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly byte[]? _bytes;

    private PayloadView(EventEnvelope e)
    {
        _bytes = e.Payload;
        Format = e.Payload is null ? PayloadFormat.Tombstone : e.Payload.Length == 0 ? PayloadFormat.Empty : e.PayloadFormat;
        Size = e.Payload?.Length ?? 0;
    }

    public PayloadFormat Format { get; }

    public int Size { get; }

    public bool IsTruncated => Size > PreviewBytes && Format is PayloadFormat.Json or PayloadFormat.Text;

    public bool HasText => Format is PayloadFormat.Json or PayloadFormat.Text;

    /// <summary>The parsed JSON, for payloads small enough to show as a tree.</summary>
    public JsonElement? Json { get; private init; }

    /// <summary>Pretty JSON or the text, of the first <see cref="PreviewBytes"/> bytes when truncated.</summary>
    public string? Text { get; private init; }

    /// <summary>Why the JSON tree is missing for a JSON payload (broken JSON, too large).</summary>
    public string? JsonNote { get; private init; }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public string Summary => Format switch
    {
        PayloadFormat.Tombstone => "Tombstone: no payload (a delete marker for this key).",
        PayloadFormat.Empty => "Empty payload (0 bytes).",
        PayloadFormat.Binary => $"Binary payload, {Size:N0} bytes: see the raw bytes below.",
        _ => "",
    };

    public static PayloadView From(EventEnvelope e)
    {
        var draft = new PayloadView(e);
        if (!draft.HasText || e.Payload is null)
        {
            return draft;
        }

        if (draft.IsTruncated)
        {
            return new PayloadView(e)
            {
                Text = Encoding.UTF8.GetString(e.Payload, 0, PreviewBytes),
                JsonNote = draft.Format == PayloadFormat.Json ? "Too large for the tree view: showing the text." : null,
            };
        }

        if (draft.Format == PayloadFormat.Json)
        {
            try
            {
                using var document = JsonDocument.Parse(e.Payload);
                var root = document.RootElement.Clone();
                return new PayloadView(e) { Json = root, Text = JsonSerializer.Serialize(root, Indented) };
            }
            catch (JsonException ex)
            {
                return new PayloadView(e) { Text = Encoding.UTF8.GetString(e.Payload), JsonNote = $"Not valid JSON ({ex.Message}): showing the text." };
            }
        }

        return new PayloadView(e) { Text = Encoding.UTF8.GetString(e.Payload) };
    }

    /// <summary>The whole payload as text (no pretty printing: it may be megabytes).</summary>
    public string FullText() => _bytes is null ? "" : Encoding.UTF8.GetString(_bytes);
}
