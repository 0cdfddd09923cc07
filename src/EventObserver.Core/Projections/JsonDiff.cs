using System.Text;
using System.Text.Json.Nodes;

namespace EventObserver.Core.Projections;

/// <summary>
/// Structural diff of two JSON documents (projection states): the deepest paths that were added, removed or
/// changed. Object members are visited in ordinal name order and array items by index, so the result does not
/// depend on property order and is the same for the same inputs. A value whose JSON type changed (object to array,
/// number to string, …) is one <see cref="JsonChangeKind.Changed"/> at its path.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<JsonChange> Compare(JsonNode? before, JsonNode? after) => Compare(before, after, int.MaxValue);

    /// <summary>Stops after <paramref name="maxChanges"/> changes (a state of thousands of new partitions).</summary>
    public static IReadOnlyList<JsonChange> Compare(JsonNode? before, JsonNode? after, int maxChanges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 0);
        var changes = new List<JsonChange>();
        var path = new StringBuilder();
        Walk(before, after, path, changes, maxChanges);
        return changes;
    }

    private static void Walk(JsonNode? before, JsonNode? after, StringBuilder path, List<JsonChange> changes, int maxChanges)
    {
        if (changes.Count >= maxChanges)
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject oldObject, JsonObject newObject):
                WalkObjects(oldObject, newObject, path, changes, maxChanges);
                break;
            case (JsonArray oldArray, JsonArray newArray):
                WalkArrays(oldArray, newArray, path, changes, maxChanges);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new JsonChange(path.ToString(), JsonChangeKind.Changed, before?.DeepClone(), after?.DeepClone()));
                }

                break;
        }
    }

    private static void WalkObjects(JsonObject before, JsonObject after, StringBuilder path, List<JsonChange> changes, int maxChanges)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in before)
        {
            names.Add(name);
        }

        foreach (var (name, _) in after)
        {
            names.Add(name);
        }

        foreach (var name in names)
        {
            if (changes.Count >= maxChanges)
            {
                return;
            }

            var length = path.Length;
            path.Append('/').Append(Escape(name));
            var inBefore = before.TryGetPropertyValue(name, out var oldValue);
            var inAfter = after.TryGetPropertyValue(name, out var newValue);
            if (!inBefore)
            {
                changes.Add(new JsonChange(path.ToString(), JsonChangeKind.Added, null, newValue?.DeepClone()));
            }
            else if (!inAfter)
            {
                changes.Add(new JsonChange(path.ToString(), JsonChangeKind.Removed, oldValue?.DeepClone(), null));
            }
            else
            {
                Walk(oldValue, newValue, path, changes, maxChanges);
            }

            path.Length = length;
        }
    }

    private static void WalkArrays(JsonArray before, JsonArray after, StringBuilder path, List<JsonChange> changes, int maxChanges)
    {
        var count = Math.Max(before.Count, after.Count);
        for (var i = 0; i < count && changes.Count < maxChanges; i++)
        {
            var length = path.Length;
            path.Append('/').Append(i);
            if (i >= before.Count)
            {
                changes.Add(new JsonChange(path.ToString(), JsonChangeKind.Added, null, after[i]?.DeepClone()));
            }
            else if (i >= after.Count)
            {
                changes.Add(new JsonChange(path.ToString(), JsonChangeKind.Removed, before[i]?.DeepClone(), null));
            }
            else
            {
                Walk(before[i], after[i], path, changes, maxChanges);
            }

            path.Length = length;
        }
    }

    /// <summary>RFC 6901: '~' becomes "~0" and '/' becomes "~1".</summary>
    private static string Escape(string name) =>
        name.AsSpan().IndexOfAny('~', '/') < 0 ? name : name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
