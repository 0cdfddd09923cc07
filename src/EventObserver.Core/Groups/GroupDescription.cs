namespace EventObserver.Core.Groups;

/// <summary>
/// A group as the coordinator describes it. <see cref="MembersKnown"/> is false where the broker cannot describe groups
/// (then <see cref="Members"/> is empty and means "not known", not "none"); <see cref="Error"/> is set when this one
/// group's description failed (the others are still shown).
/// </summary>
public sealed record GroupDescription(
    string GroupId,
    GroupState State,
    string? ProtocolType,
    string? Assignor,
    IReadOnlyList<GroupMember> Members,
    bool MembersKnown,
    string? Error = null);
