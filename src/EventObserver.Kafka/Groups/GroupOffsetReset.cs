using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Offset resets of a group without members. Rows come from the admin port (committed offsets, watermarks) and, for a
/// time, from the index (<see cref="OffsetTimeResolver"/>), so it works where the broker has no time lookup. Every
/// refusal is returned, never thrown; apply re-checks membership and writes exactly the rows a preview shows.
/// Who may reset (Admin only) and auditing are the caller's job.
/// </summary>
public sealed class GroupOffsetReset(IConsumerGroupAdmin admin, ICurrentIndex indexes, IClusterInspector cluster, GroupsOptions options)
    : IGroupOffsetReset
{
    public bool Enabled => options.AllowOffsetReset;

    public Task<OffsetResetPreview> PreviewAsync(OffsetResetRequest request, CancellationToken cancellationToken) =>
        ComputeAsync(request, cancellationToken);

    public async Task<OffsetResetPreview> ApplyAsync(OffsetResetRequest request, CancellationToken cancellationToken)
    {
        var preview = await ComputeAsync(request, cancellationToken).ConfigureAwait(false);
        if (preview.IsRefused)
        {
            return preview;
        }

        var offsets = preview.Rows.ToDictionary(r => new TopicPartitionKey(r.Topic, r.Partition), r => r.NewOffset);
        try
        {
            await admin.AlterCommittedOffsetsAsync(request.GroupId, offsets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Confluent.Kafka.KafkaException)
        {
            return preview with { Refusal = $"nothing was written: {e.Message}" };
        }

        return preview;
    }

    private async Task<OffsetResetPreview> ComputeAsync(OffsetResetRequest request, CancellationToken cancellationToken)
    {
        OffsetResetPreview Refuse(string reason) => new(request, [], 0, reason);

        if (!options.AllowOffsetReset)
        {
            return Refuse("offset reset is off: set EventObserver:Groups:AllowOffsetReset=true");
        }

        if (request.Target == OffsetResetTarget.Time && request.Time is null)
        {
            return Refuse("a reset to a time needs the time");
        }

        if (request.Target == OffsetResetTarget.Offset && request.Offset is null)
        {
            return Refuse("a reset to an offset needs the offset");
        }

        if (request.Partition is not null && request.Topic is null)
        {
            return Refuse("a partition needs its topic");
        }

        var description = (await admin.DescribeGroupsAsync([request.GroupId], cancellationToken).ConfigureAwait(false))[0];
        if (MembershipRefusal(description) is { } membership)
        {
            return Refuse(membership);
        }

        var committed = (await admin.GetCommittedOffsetsAsync([request.GroupId], cancellationToken).ConfigureAwait(false))[0];
        if (committed.Error is not null)
        {
            return Refuse($"the committed offsets of group '{request.GroupId}' cannot be read: {committed.Error}");
        }

        var (partitions, scopeRefusal) = Scope(request, committed);
        if (scopeRefusal is not null)
        {
            return Refuse(scopeRefusal);
        }

        var marks = await admin.GetWatermarksAsync(partitions, cancellationToken).ConfigureAwait(false);
        var missing = partitions.Where(p => !marks.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            return Refuse($"the broker did not give the offset range of {string.Join(", ", missing.Take(5))}: try again");
        }

        IReadOnlyList<(long Offset, string? Note)> resolved;
        if (request.Target == OffsetResetTarget.Time)
        {
            if (!indexes.TryGet(out var index))
            {
                return Refuse("no index is open yet: a time cannot be resolved to offsets");
            }

            resolved = await Task.Run(
                () => partitions.Select(p => OffsetTimeResolver.Resolve(index, p, marks[p], request.Time!.Value)).ToArray(),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            resolved = partitions.Select(p => Target(request, marks[p])).ToArray();
        }

        var rows = partitions
            .Select((p, i) => new OffsetResetRow(
                p.Topic,
                p.Partition,
                committed.Offsets.TryGetValue(p, out var current) ? current : null,
                resolved[i].Offset,
                marks[p].High,
                marks[p].High - resolved[i].Offset,
                resolved[i].Note))
            .ToArray();
        return new OffsetResetPreview(request, rows, rows.Sum(r => r.LagAfter));
    }

    private static string? MembershipRefusal(GroupDescription description)
    {
        if (description.Error is not null)
        {
            return $"group '{description.GroupId}' cannot be described: {description.Error}";
        }

        if (!description.MembersKnown)
        {
            return $"the broker cannot tell whether group '{description.GroupId}' has active members (it cannot describe groups), "
                + "so a running consumer could overwrite the reset: stop every consumer of the group and reset it with "
                + "kafka-consumer-groups --reset-offsets, which the broker checks";
        }

        if (description.Members.Count > 0)
        {
            var clients = string.Join(", ", description.Members.Select(m => m.ClientId).Distinct(StringComparer.Ordinal).Take(5));
            return $"group '{description.GroupId}' has {description.Members.Count} active member(s) ({clients}): "
                + "offsets can only be reset while no consumer of the group runs; stop them first";
        }

        return null;
    }

    private (IReadOnlyList<TopicPartitionKey> Partitions, string? Refusal) Scope(OffsetResetRequest request, GroupCommittedOffsets committed)
    {
        if (request.Topic is null)
        {
            var all = committed.Offsets.Keys.OrderBy(k => k.Topic, StringComparer.Ordinal).ThenBy(k => k.Partition).ToArray();
            return all.Length == 0
                ? ([], $"group '{request.GroupId}' has no committed offsets: name the topic to reset")
                : (all, null);
        }

        var topic = request.Topic;
        var count = cluster.GetTopics().FirstOrDefault(t => string.Equals(t.Name, topic, StringComparison.Ordinal))?.Partitions
            ?? committed.Offsets.Keys.Where(k => string.Equals(k.Topic, topic, StringComparison.Ordinal)).Select(k => k.Partition + 1).DefaultIfEmpty(0).Max();
        if (count == 0)
        {
            return ([], $"unknown topic '{topic}'");
        }

        if (request.Partition is { } partition)
        {
            return partition < 0 || partition >= count
                ? ([], $"topic '{topic}' has no partition {partition} (it has {count})")
                : ([new TopicPartitionKey(topic, partition)], null);
        }

        return (Enumerable.Range(0, count).Select(p => new TopicPartitionKey(topic, p)).ToArray(), null);
    }

    private static (long Offset, string? Note) Target(OffsetResetRequest request, PartitionWatermarks marks)
    {
        switch (request.Target)
        {
            case OffsetResetTarget.Earliest:
                return (marks.Low, null);
            case OffsetResetTarget.Latest:
                return (marks.High, null);
            default:
                var offset = request.Offset!.Value;
                if (offset < marks.Low)
                {
                    return (marks.Low, $"offset {offset} is before the log start: clamped to {marks.Low}");
                }

                return offset > marks.High ? (marks.High, $"offset {offset} is past the log end: clamped to {marks.High}") : (offset, null);
        }
    }
}
