namespace EventObserver.Core.Decoding.Schemas;

/// <summary>The answer to "which schema has this id": found, unknown (the registry said so) or unavailable (ask again later).</summary>
public sealed record SchemaLookup
{
    private SchemaLookup()
    {
    }

    public RegisteredSchema? Schema { get; private init; }

    /// <summary><see cref="DecodeStatus.Decoded"/> when found, else <see cref="DecodeStatus.UnknownSchema"/> or <see cref="DecodeStatus.SchemaUnavailable"/>.</summary>
    public DecodeStatus Status { get; private init; }

    /// <summary>Why it was not found, for the UI and the log.</summary>
    public string? Reason { get; private init; }

    public static SchemaLookup Found(RegisteredSchema schema) => new() { Schema = schema ?? throw new ArgumentNullException(nameof(schema)) };

    public static SchemaLookup Unknown(string reason) => new() { Status = DecodeStatus.UnknownSchema, Reason = reason };

    public static SchemaLookup Unavailable(string reason) => new() { Status = DecodeStatus.SchemaUnavailable, Reason = reason };
}
