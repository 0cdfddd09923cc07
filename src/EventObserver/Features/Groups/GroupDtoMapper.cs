using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>Maps the groups feature's read models to the API's DTOs.</summary>
public static class GroupDtoMapper
{
    public static GroupListDto ToList(ConsumerGroupsSnapshot snapshot, IReadOnlyList<ConsumerGroupStatus> groups, Func<string, IReadOnlyList<LagSample>> history)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(history);
        return new GroupListDto(RefreshedAt(snapshot), snapshot.Source, snapshot.Error, [.. groups.Select(g => ToSummary(g, history(g.GroupId)))]);
    }

    public static GroupSummaryDto ToSummary(ConsumerGroupStatus group, IReadOnlyList<LagSample> history)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupSummaryDto(
            group.GroupId,
            group.State,
            group.MembersKnown ? group.Members.Count : null,
            group.TotalLag,
            Seconds(group.MaxTimeLag),
            [.. group.Topics.Select(t => t.Topic)],
            group.Error,
            [.. history.Select(ToPoint)]);
    }

    public static GroupDetailDto ToDetail(ConsumerGroupStatus group, IReadOnlyList<LagSample> history, ConsumerGroupsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new GroupDetailDto(
            group.GroupId,
            group.State,
            group.ProtocolType,
            group.Assignor,
            group.MembersKnown,
            [.. group.Members.Select(m => new GroupMemberDto(m.MemberId, m.ClientId, m.Host, [.. m.Assignment.Select(a => a.ToString())]))],
            group.TotalLag,
            Seconds(group.MaxTimeLag),
            [.. group.Topics.Select(t => new GroupTopicDto(t.Topic, t.Partitions, t.Lag, Seconds(t.MaxTimeLag), t.ConsumedPerSecond))],
            [.. group.Partitions.Select(ToPartition)],
            [.. history.Select(ToPoint)],
            group.Error,
            snapshot.Source,
            RefreshedAt(snapshot));
    }

    public static GroupPartitionDto ToPartition(PartitionLag p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new GroupPartitionDto(
            p.Topic, p.Partition, p.CommittedOffset, p.LogEndOffset, p.Lag, Seconds(p.TimeLag.Value), p.TimeLag.Status,
            GroupTexts.Status(p), p.TimeLag.FirstUncommittedAt, p.ConsumedPerSecond);
    }

    public static OffsetResetDto ToReset(OffsetResetRequest request, OffsetResetOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        return new OffsetResetDto(
            request.GroupId,
            GroupTexts.Target(request.Target),
            GroupTexts.Scope(request.Topic, request.Partition),
            outcome.Applied,
            [.. outcome.Rows.Select(r => new OffsetResetRowDto(r.Topic, r.Partition, r.CurrentOffset, r.NewOffset, r.LogEndOffset, r.LagAfter, r.Note))],
            outcome.TotalLagAfter);
    }

    public static LagPointDto ToPoint(LagSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new LagPointDto(sample.At, sample.TotalLag, sample.MaxTimeLagSeconds);
    }

    private static DateTimeOffset? RefreshedAt(ConsumerGroupsSnapshot snapshot) =>
        snapshot.TakenAt == DateTimeOffset.MinValue ? null : snapshot.TakenAt;

    private static double? Seconds(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 3) : null;
}
