using System.Collections.Concurrent;
using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Consumer groups that run inside this process (the demo's services) and their current members. Where the broker cannot
/// describe groups (the embedded mock), this is the only true source of membership, and only for these groups.
/// </summary>
public sealed class LocalGroupMembers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, GroupMember>> _groups = new(StringComparer.Ordinal);

    /// <summary>Every group that ran here since start (with or without members now), sorted.</summary>
    public IReadOnlyList<string> GroupIds => _groups.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds or replaces a member (for example after its assignment changed).</summary>
    public void Set(string groupId, GroupMember member) =>
        _groups.GetOrAdd(groupId, _ => new ConcurrentDictionary<string, GroupMember>(StringComparer.Ordinal))[member.MemberId] = member;

    public void Remove(string groupId, string memberId)
    {
        if (_groups.TryGetValue(groupId, out var members))
        {
            members.TryRemove(memberId, out _);
        }
    }

    /// <summary>True when the group ran here; <paramref name="members"/> is then its current members (possibly none).</summary>
    public bool TryGetMembers(string groupId, out IReadOnlyList<GroupMember> members)
    {
        if (_groups.TryGetValue(groupId, out var found))
        {
            members = found.Values.OrderBy(m => m.MemberId, StringComparer.Ordinal).ToArray();
            return true;
        }

        members = [];
        return false;
    }
}
