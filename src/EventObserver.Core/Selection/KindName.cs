using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Selection;

/// <summary>
/// A <see cref="MessageKind"/> as people write it: its name, ignoring case. Never a number or a combination
/// ("1", "1,2"), which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would accept.
/// </summary>
public readonly record struct KindName(MessageKind Kind) : IQueryValue<KindName>
{
    private static readonly MessageKind[] s_kinds = Enum.GetValues<MessageKind>();

    /// <summary>The names accepted, in the order messages list them.</summary>
    public static string Choices { get; } = string.Join(", ", Enum.GetNames<MessageKind>().Order(StringComparer.Ordinal));

    public static bool TryParse(
        [NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out KindName result, [NotNullWhen(false)] out string? problem)
    {
        var name = text?.Trim();
        foreach (var kind in s_kinds)
        {
            if (string.Equals(kind.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                result = new KindName(kind);
                problem = null;
                return true;
            }
        }

        result = default;
        problem = $"kind '{text}' is not one of {Choices}";
        return false;
    }

    public override string ToString() => Kind.ToString();
}
