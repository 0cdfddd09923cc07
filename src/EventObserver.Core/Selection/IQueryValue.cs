using System.Diagnostics.CodeAnalysis;

namespace EventObserver.Core.Selection;

/// <summary>
/// A value read from one query-string parameter (or a search box) by one rule, which says why it refused a text:
/// the message goes into a 400 problem or the page's list of problems.
/// </summary>
public interface IQueryValue<TSelf> : IParsable<TSelf>
    where TSelf : IQueryValue<TSelf>
{
    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says why, quoting the text.</summary>
    static abstract bool TryParse(
        [NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out TSelf result, [NotNullWhen(false)] out string? problem);

    static TSelf IParsable<TSelf>.Parse(string s, IFormatProvider? provider) =>
        TSelf.TryParse(s, out var result, out var problem) ? result : throw new FormatException(problem);

    static bool IParsable<TSelf>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result) =>
        TSelf.TryParse(s, out result, out _);
}
