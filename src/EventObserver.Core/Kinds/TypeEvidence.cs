using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Kinds;

/// <summary>What a type name says about its kind: an explicit marker, and what its grammar suggests.</summary>
internal readonly record struct TypeEvidence(MessageKind Marker, MessageKind Grammar)
{
    public static TypeEvidence Of(string? typeName)
    {
        if (typeName is null)
        {
            return default;
        }

        var marker = TypeNameGrammar.TryGetMarker(typeName, out var kind) ? kind : MessageKind.Message;
        var grammar = TypeNameGrammar.TryFromGrammar(typeName, out kind) ? kind : MessageKind.Message;
        return new TypeEvidence(marker, grammar);
    }
}
