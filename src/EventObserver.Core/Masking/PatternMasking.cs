using System.Buffers;
using System.Text;

namespace EventObserver.Core.Masking;

/// <summary>Pattern rules over text: whole text payloads, and each string value of a JSON payload.</summary>
internal static class PatternMasking
{
    /// <summary>The masked text payload, or null when no pattern matched.</summary>
    public static byte[]? MaskText(byte[] payload, RuleSlot[] patterns, MaskValues values, ref ulong matched)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(payload.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(payload, buffer);
            if (!AnyMatch(buffer.AsSpan(0, length), patterns))
            {
                return null;
            }

            var text = new string(buffer, 0, length);
            var masked = Apply(text, patterns, values, ref matched);
            return ReferenceEquals(masked, text) ? null : Encoding.UTF8.GetBytes(masked);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when any pattern may match: a cheap check that allocates nothing.</summary>
    public static bool AnyMatch(ReadOnlySpan<char> text, RuleSlot[] patterns)
    {
        foreach (var slot in patterns)
        {
            if (slot.Rule.Pattern!.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every pattern in rule order over <paramref name="text"/>; each rule with a non-empty match sets its bit in
    /// <paramref name="matched"/>. Returns <paramref name="text"/> itself when nothing changed.
    /// </summary>
    public static string Apply(string text, RuleSlot[] patterns, MaskValues values, ref ulong matched)
    {
        var current = text;
        foreach (var slot in patterns)
        {
            if (Replace(current, slot.Rule, values) is { } replaced)
            {
                matched |= slot.Bit;
                current = replaced;
            }
        }

        return string.Equals(current, text, StringComparison.Ordinal) ? text : current;
    }

    /// <summary>The text with each non-empty match of the rule's pattern replaced; null when there was none.</summary>
    private static string? Replace(string text, CompiledMaskingRule rule, MaskValues values)
    {
        StringBuilder? builder = null;
        var last = 0;
        foreach (var match in rule.Pattern!.EnumerateMatches(text))
        {
            if (match.Length == 0)
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, last, match.Index - last)
                .Append(values.Replace(rule.Action, text.Substring(match.Index, match.Length)));
            last = match.Index + match.Length;
        }

        return builder?.Append(text, last, text.Length - last).ToString();
    }
}
