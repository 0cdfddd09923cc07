using EventObserver.Core.Envelopes;
using EventObserver.Core.Kinds;

namespace EventObserver.Core.Conventions;

/// <summary>
/// What a type name's grammar alone says, ignoring headers and topics: past tense reads as an event, a leading
/// imperative verb as a command, anything else (nouns, queries, unknown verbs) as a plain message. The same grammar
/// the kind classifier uses as its weakest evidence, so the panel and the kind chips agree.
/// </summary>
public static class TypeNameTense
{
    public static MessageKind ReadsAs(string? typeName) =>
        !string.IsNullOrWhiteSpace(typeName) && TypeNameGrammar.TryFromGrammar(typeName, out var kind) ? kind : MessageKind.Message;

    public static bool IsPastTense(string? typeName) => ReadsAs(typeName) == MessageKind.Event;

    public static bool IsImperative(string? typeName) => ReadsAs(typeName) == MessageKind.Command;
}
