using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// Refusing a selection that names a topic the user may not read (REST, hub, replay): said plainly, naming only the
/// topics the caller named, so the answer tells nothing about what exists.
/// </summary>
public static class SelectionAccess
{
    /// <summary>The topics <paramref name="selection"/> names (in its topics or its offset ranges) that the user may not read.</summary>
    public static IReadOnlyList<string> DeniedTopics(EventSelection selection, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(access);
        if (access.Topics.IsUnrestricted)
        {
            return [];
        }

        return [.. selection.Topics.Concat(selection.Ranges.Select(r => r.Topic))
            .Where(t => !access.CanRead(t))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>One sentence for a refused selection; null when it names no denied topic.</summary>
    public static string? Refusal(EventSelection selection, UserAccess access)
    {
        var denied = DeniedTopics(selection, access);
        return denied.Count == 0 ? null : Explain(denied, access);
    }

    public static string Explain(IReadOnlyList<string> denied, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(denied);
        ArgumentNullException.ThrowIfNull(access);
        var topics = string.Join(", ", denied.Select(t => $"'{t}'"));
        return denied.Count == 1
            ? $"{access.Name} may not read topic {topics} (EventObserver:Auth:TopicAccess)."
            : $"{access.Name} may not read topics {topics} (EventObserver:Auth:TopicAccess).";
    }
}
