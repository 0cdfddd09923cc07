namespace EventObserver.Core.Decoding.Schemas;

/// <summary>What the configuration says about one topic: its local schemas (value, key) and whether values are MessagePack.</summary>
internal sealed record TopicRules(CompiledSchema? Value, CompiledSchema? Key, bool MessagePack)
{
    public static readonly TopicRules None = new(null, null, false);

    public CompiledSchema? For(PayloadRole role) => role == PayloadRole.Key ? Key : Value;
}
