using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay;

/// <summary>
/// Which JSON Pointer paths of a state changed in the last step (and which nodes contain a change), relative to
/// the node shown: a partition's tree sees the paths under <c>/partitionKey</c> with that prefix removed.
/// </summary>
public sealed class ChangeMarks
{
    public static ChangeMarks None { get; } = new([], "");

    private readonly Dictionary<string, JsonChangeKind> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _containing = new(StringComparer.Ordinal);

    public ChangeMarks(IEnumerable<JsonChange> changes, string prefix)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (!Under(change.Path, prefix, out var path))
            {
                continue;
            }

            _changed[path] = change.Change;
            Removed += change.Change == JsonChangeKind.Removed ? 1 : 0;
            for (var slash = path.LastIndexOf('/'); slash >= 0; slash = path.LastIndexOf('/', slash - 1))
            {
                _containing.Add(path[..slash]);
                if (slash == 0)
                {
                    break;
                }
            }
        }
    }

    public int Count => _changed.Count;

    /// <summary>Changes that removed a member (not in the tree any more; listed apart).</summary>
    public int Removed { get; }

    public JsonChangeKind? At(string path) => _changed.TryGetValue(path, out var kind) ? kind : null;

    public bool Contains(string path) => _containing.Contains(path);

    /// <summary>The pointer of a member or item of the node at <paramref name="parent"/> (RFC 6901 escaping).</summary>
    public static string Child(string parent, string name) => parent + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool Under(string path, string prefix, out string relative)
    {
        relative = path;
        if (prefix.Length == 0)
        {
            return true;
        }

        if (path == prefix)
        {
            relative = "";
            return true;
        }

        if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            relative = path[prefix.Length..];
            return true;
        }

        return false;
    }
}
