namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Recognises schema-encoded payloads (Confluent framing, local schema bindings, MessagePack) and turns them into JSON.
/// Never throws on payload bytes; a slow registry costs at most its configured timeout. Thread-safe.
/// </summary>
public interface IPayloadDecoder
{
    /// <summary>Null when the bytes are not schema-encoded (plain JSON, text, unknown binary): the classifier decides then.</summary>
    DecodedPayload? Decode(string topic, byte[] bytes, PayloadRole role);
}
