namespace EventObserver.Core.Decoding.Schemas;

/// <summary>The JSON view of a schema-encoded payload (UTF-8, null when nothing could be decoded) and how it was made.</summary>
public sealed record DecodedPayload(byte[]? Json, PayloadDecoding Decoding);
