namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>All messages of a schema and its imports by full name, plus the main file's message tree for index paths.</summary>
internal sealed class ProtoSchema
{
    public ProtoSchema(Dictionary<string, ProtoMessageLayout> messages, IReadOnlyList<ProtoMessageNode> mainMessages)
    {
        Messages = messages;
        MainMessages = mainMessages;
    }

    public Dictionary<string, ProtoMessageLayout> Messages { get; }

    /// <summary>The main file's top-level messages, each with its nested messages in declaration order.</summary>
    public IReadOnlyList<ProtoMessageNode> MainMessages { get; }
}
