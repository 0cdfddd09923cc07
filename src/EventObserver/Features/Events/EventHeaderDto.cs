namespace EventObserver.Features.Events;

/// <summary>A Kafka header: <c>value</c> is the text when the bytes are UTF-8 text, <c>base64</c> always carries the exact bytes.</summary>
public sealed record EventHeaderDto(string Key, string? Value, string? Base64);
