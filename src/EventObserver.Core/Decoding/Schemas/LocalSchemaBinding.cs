namespace EventObserver.Core.Decoding.Schemas;

/// <summary>One entry of <c>EventObserver:Decoding:Schemas</c>: a schema file for the topics matching a regex.</summary>
public sealed class LocalSchemaBinding
{
    /// <summary>Regex over the topic name (anchored by the author, e.g. <c>^payments\.</c>).</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>Path of an <c>.avsc</c>, <c>.proto</c> or descriptor-set (<c>.desc</c>, <c>.pb</c>, <c>.protoset</c>) file.</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>For Protobuf: the message's full name (default: the file's first message).</summary>
    public string? MessageType { get; set; }

    /// <summary>Whether the binding decodes values (default) or keys.</summary>
    public PayloadRole Role { get; set; } = PayloadRole.Value;
}
