namespace EventObserver.Core.Groups;

/// <summary>Where lag samples are kept across restarts.</summary>
public interface ILagHistoryStore
{
    void Append(DateTimeOffset at, IReadOnlyList<(string GroupId, LagSample Sample)> samples);

    /// <summary>Samples of one group at or after <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<LagSample> Read(string groupId, DateTimeOffset since);

    /// <summary>Deletes samples older than <paramref name="before"/>.</summary>
    void Trim(DateTimeOffset before);
}
