using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Shared;

/// <summary>
/// The topics of the current index one user may read, for reads that analyse many events (flow map, conventions,
/// lineage suggestions): as a selection part, so the index itself skips the other topics' chunks, and as a per-topic
/// answer (cached by the user's permissions), to check each event again on its way out. Built inside one index read.
/// </summary>
public sealed class PermittedTopics
{
    private static readonly PermittedTopics Everything = new(null, []);

    private readonly UserAccess? _access;

    private PermittedTopics(UserAccess? access, IReadOnlyList<string> topics)
    {
        _access = access;
        Topics = topics;
    }

    /// <summary>True when the user reads every topic: nothing is filtered.</summary>
    public bool IsUnrestricted => _access is null;

    /// <summary>The readable topics the index holds now, ordinal order; empty when <see cref="IsUnrestricted"/>.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>True when the user may read none of the index's topics: the answer is empty without reading.</summary>
    public bool IsNone => !IsUnrestricted && Topics.Count == 0;

    /// <summary>Tells apart what different users may see, for caches shared between them: "*" for everything.</summary>
    public string Key => IsUnrestricted ? "*" : string.Join('\n', Topics);

    public static PermittedTopics Of(IIndexStatisticsSource index, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(access);
        if (access.Topics.IsUnrestricted)
        {
            return Everything;
        }

        var readable = index.GetStatistics().Topics.Keys.Where(access.CanRead).Order(StringComparer.Ordinal).ToList();
        return new PermittedTopics(access, readable);
    }

    /// <summary>The user's answer (their permissions cache it per topic).</summary>
    public bool CanRead(string topic) => _access is null || _access.CanRead(topic);

    /// <summary>
    /// <paramref name="selection"/> narrowed to the readable topics (those it names itself, when it names any).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="IsNone"/>: an empty topic list would select every topic.</exception>
    public EventSelection Restrict(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (IsUnrestricted)
        {
            return selection;
        }

        return AccessView.Narrow(selection, CanRead, () => Topics)
            ?? throw new InvalidOperationException("No readable topic is selected; answer with nothing instead of reading.");
    }
}
