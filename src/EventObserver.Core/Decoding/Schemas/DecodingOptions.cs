namespace EventObserver.Core.Decoding.Schemas;

/// <summary><c>EventObserver:Decoding</c>: schemas for clusters without a registry, and topics whose values are MessagePack.</summary>
public sealed class DecodingOptions
{
    /// <summary>Local schema files (<c>.avsc</c>, <c>.proto</c>, descriptor sets) bound to topics by regex; first match wins.</summary>
    public List<LocalSchemaBinding> Schemas { get; set; } = [];

    /// <summary>Topic regexes whose values are MessagePack even when detection would not say so.</summary>
    public List<string> MessagePackTopics { get; set; } = [];

    /// <summary>Recognise MessagePack maps and arrays in binary payloads of any topic (a whole-buffer parse must succeed).</summary>
    public bool DetectMessagePack { get; set; } = true;
}
