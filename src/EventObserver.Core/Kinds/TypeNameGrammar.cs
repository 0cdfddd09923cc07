using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Kinds;

/// <summary>
/// Reads the kind from a type name: explicit markers first (a <c>Command</c>/<c>Event</c> suffix, a
/// <c>commands</c>/<c>events</c> namespace or CloudEvents segment), then grammar (past tense → event,
/// leading imperative verb → command). Works on spans; no allocation per call.
/// </summary>
internal static class TypeNameGrammar
{
    private const int MaxWords = 24;
    private const string MassTransitUrnPrefix = "urn:message:";
    private static readonly char[] s_segmentSeparators = ['.', '/', ':', '+', '\\'];

    public static bool TryGetMarker(string typeName, out MessageKind kind)
    {
        kind = MessageKind.Message;
        var name = Normalize(typeName);
        var last = LastMeaningfulSegment(name, out _);
        if (last.Start.Value == last.End.Value)
        {
            return false;
        }

        bool commands = false, events = false;
        foreach (var range in name[..last.Start.Value].SplitAny(s_segmentSeparators))
        {
            var segment = name[..last.Start.Value][range];
            commands |= IsAny(segment, "command", "commands");
            events |= IsAny(segment, "event", "events", "integrationevents", "domainevents");
        }

        Span<Range> words = stackalloc Range[MaxWords];
        var count = WordSplitter.Split(name[last], last.Start.Value, words, 0);
        if (count > 0)
        {
            var lastWord = name[words[count - 1]];
            commands |= count > 1 && IsAny(lastWord, "command", "cmd");
            events |= count > 1 && IsAny(lastWord, "event");
        }

        if (commands == events)
        {
            return false;
        }

        kind = commands ? MessageKind.Command : MessageKind.Event;
        return true;
    }

    public static bool TryFromGrammar(string typeName, out MessageKind kind)
    {
        kind = MessageKind.Message;
        var name = Normalize(typeName);
        var last = LastMeaningfulSegment(name, out var previous);
        Span<Range> words = stackalloc Range[MaxWords];
        var count = WordSplitter.Split(name[last], last.Start.Value, words, 0);

        // A one-word last segment reads with its parent: com.shop.order.placed → "order placed".
        var composed = false;
        if (count == 1 && previous.End.Value > previous.Start.Value)
        {
            var onlyWord = words[0];
            count = WordSplitter.Split(name[previous], previous.Start.Value, words, 0);
            if (count < MaxWords)
            {
                words[count++] = onlyWord;
                composed = true;
            }
        }

        while (count > 1 && EnglishWords.IsNoiseSuffix(name[words[count - 1]]))
        {
            count--;
        }

        if (count == 0)
        {
            return false;
        }

        kind = Classify(name, words[..count], composed);
        return kind != MessageKind.Message;
    }

    private static MessageKind Classify(ReadOnlySpan<char> name, ReadOnlySpan<Range> words, bool composed)
    {
        var first = name[words[0]];
        var last = name[words[^1]];
        if (EnglishWords.IsPastTense(last, isFirstWord: words.Length == 1))
        {
            return MessageKind.Event;
        }

        if (EnglishWords.IsQueryVerb(first))
        {
            return MessageKind.Message;
        }

        if (EnglishWords.IsImperativeVerb(first) || (composed && EnglishWords.IsImperativeVerb(last)))
        {
            return MessageKind.Command;
        }

        for (var i = 0; i < words.Length - 1; i++)
        {
            if (EnglishWords.IsParticle(name[words[i + 1]]) && EnglishWords.IsPastTense(name[words[i]], isFirstWord: i == 0))
            {
                return MessageKind.Event;
            }
        }

        return MessageKind.Message;
    }

    /// <summary>Drops assembly qualification, generic arguments, type lists and the MassTransit urn prefix.</summary>
    private static ReadOnlySpan<char> Normalize(string typeName)
    {
        var span = typeName.AsSpan().Trim();
        if (span.StartsWith(MassTransitUrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[MassTransitUrnPrefix.Length..];
        }

        var cut = span.IndexOfAny(",;[`<");
        return cut >= 0 ? span[..cut].TrimEnd() : span;
    }

    /// <summary>The last segment that is not a version (<c>com.shop.order.placed.v1</c> → <c>placed</c>) and the one before it.</summary>
    private static Range LastMeaningfulSegment(ReadOnlySpan<char> name, out Range previous)
    {
        previous = default;
        var end = name.Length;
        while (true)
        {
            var separator = name[..end].LastIndexOfAny(s_segmentSeparators);
            var segment = new Range(separator + 1, end);
            var text = name[segment];
            if (separator < 0 || (!text.IsEmpty && !EnglishWords.IsVersion(text)))
            {
                if (separator >= 0)
                {
                    var before = name[..separator].LastIndexOfAny(s_segmentSeparators);
                    previous = new Range(before + 1, separator);
                }

                return segment;
            }

            end = separator;
        }
    }

    private static bool IsAny(ReadOnlySpan<char> value, params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
