using System.Runtime.CompilerServices;

namespace EventObserver.Core.Decoding;

/// <summary>
/// Values of interesting top-level properties found while validating a JSON payload (plus
/// <c>$correlationId</c>/<c>$causationId</c> and the message id under <c>metadata</c>/<c>$metadata</c>, the message id under
/// <c>meta</c>). Stack-only.
/// </summary>
internal struct JsonPayloadFields
{
    private Values _values;

    public string? this[JsonField field]
    {
        readonly get => _values[(int)field];
        set => _values[(int)field] = value;
    }

    /// <summary>A body that clearly is a structured CloudEvent even without its content type.</summary>
    public readonly bool LooksLikeCloudEvent =>
        this[JsonField.SpecVersion] is not null && this[JsonField.Id] is not null && this[JsonField.Type] is not null;

    [InlineArray((int)JsonField.Count)]
    private struct Values
    {
        private string? _element;
    }
}
