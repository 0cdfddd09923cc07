using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>Header rules: every occurrence of a named header (names compared case-insensitively), order kept.</summary>
internal static class HeaderMasking
{
    /// <summary>The masked headers; the same list when no header changed.</summary>
    public static IReadOnlyList<EnvelopeHeader> Apply(IReadOnlyList<EnvelopeHeader> headers, RuleSlot[] rules, MaskValues values, ref ulong matched)
    {
        List<EnvelopeHeader>? result = null;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var masked = header;
            if (Find(rules, header.Key) is { } slot)
            {
                matched |= slot.Bit;
                masked = Mask(header, slot.Rule.Action, values);
            }

            if (result is null && !ReferenceEquals(masked, header))
            {
                result = new List<EnvelopeHeader>(headers.Count);
                for (var j = 0; j < i; j++)
                {
                    result.Add(headers[j]);
                }
            }

            if (result is not null && masked is not null)
            {
                result.Add(masked);
            }
        }

        return result ?? headers;
    }

    private static RuleSlot? Find(RuleSlot[] rules, string? key)
    {
        foreach (var slot in rules)
        {
            if (string.Equals(slot.Rule.Target, key, StringComparison.OrdinalIgnoreCase))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>The header after <paramref name="action"/>; null when removed, the same instance when unchanged.</summary>
    private static EnvelopeHeader? Mask(EnvelopeHeader header, MaskingAction action, MaskValues values)
    {
        if (action == MaskingAction.Remove)
        {
            return null;
        }

        if (header.Value is not { } value)
        {
            return header; // a null value holds nothing to hide
        }

        var masked = action switch
        {
            MaskingAction.KeepLast4 => Encoding.UTF8.GetBytes(MaskValues.KeepLast4(Utf8Text.DecodeOrHex(value))),
            MaskingAction.Hash => Utf8Text.TryDecode(value) is { } text && MaskValues.IsHash(text) ? value : Encoding.UTF8.GetBytes(values.Hash(value)),
            _ => Encoding.UTF8.GetBytes(MaskValues.Masked), // a fresh array: envelopes never share mutable bytes
        };
        return masked.AsSpan().SequenceEqual(value) ? header : header with { Value = masked };
    }
}
