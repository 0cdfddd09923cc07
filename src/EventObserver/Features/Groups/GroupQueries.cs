using System.Globalization;

using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Features.Audit;
using EventObserver.Kafka.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Groups;

/// <summary>
/// The Groups feature's reads and its one write, for its pages and <c>/api/groups</c>: the monitor's latest snapshot as
/// the asking user may see it (partitions of unreadable topics removed, totals recomputed from what is left, a group
/// left with nothing hidden), its lag history, and offset resets (Admin only, audited).
/// </summary>
public sealed class GroupQueries(IConsumerGroupView view, IGroupOffsetReset reset, IAuditLog audit, IOptions<GroupsOptions> options)
{
    /// <summary>The sparkline's span: the last hour, as the issue asks (the store keeps <c>HistoryRetention</c>).</summary>
    public static readonly TimeSpan SparklineSpan = TimeSpan.FromHours(1);

    /// <summary>After each refresh of the monitor (on its thread: subscribers marshal to their own context).</summary>
    public event Action<ConsumerGroupsSnapshot>? Refreshed
    {
        add => view.Refreshed += value;
        remove => view.Refreshed -= value;
    }

    /// <summary>Null when resets may be asked for; else why not, naming the setting that turns them on.</summary>
    public string? ResetsOffReason =>
        !options.Value.Enabled ? GroupTexts.GroupsOff
        : !options.Value.AllowOffsetReset ? GroupTexts.ResetsOff
        : null;

    /// <summary>The latest snapshot with only the groups and partitions <paramref name="access"/> may see.</summary>
    public ConsumerGroupsSnapshot Snapshot(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var current = view.Current;
        return access.Topics.IsUnrestricted
            ? current
            : current with { Groups = [.. current.Groups.Select(g => Visible(g, access)).OfType<ConsumerGroupStatus>()] };
    }

    public IReadOnlyList<ConsumerGroupStatus> List(UserAccess access, GroupFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Apply(Snapshot(access).Groups);
    }

    /// <summary>The group as <paramref name="access"/> may see it, or null when it is not known or not visible to them.</summary>
    public ConsumerGroupStatus? Find(string groupId, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var group = view.Current.Groups.FirstOrDefault(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal));
        return group is null ? null : Visible(group, access);
    }

    /// <summary>
    /// The group's lag samples over <paramref name="span"/> (the last hour by default), oldest first. Samples are totals
    /// over every partition, so a user who cannot read every topic of the group gets none (they would count hidden lag).
    /// </summary>
    public IReadOnlyList<LagSample> History(string groupId, UserAccess access, TimeSpan? span = null)
    {
        ArgumentNullException.ThrowIfNull(access);
        var group = view.Current.Groups.FirstOrDefault(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal));
        if (!access.Topics.IsUnrestricted && (group is null || group.Partitions.Any(p => !access.CanRead(p.Topic))))
        {
            return [];
        }

        return view.History(groupId, span ?? SparklineSpan);
    }

    /// <summary>Problems of a reset request by field name (empty when it can be asked for): what an API answers with 400.</summary>
    public static Dictionary<string, string[]> Validate(OffsetResetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.GroupId))
        {
            problems["groupId"] = ["A group id is required."];
        }

        if (request.Partition is { } partition && (partition < 0 || string.IsNullOrWhiteSpace(request.Topic)))
        {
            problems["partition"] = [partition < 0 ? "partition must be 0 or more." : "A partition needs its topic."];
        }

        if (request.Target == OffsetResetTarget.Time && request.Time is null)
        {
            problems["time"] = ["Target 'time' needs a time (ISO-8601, e.g. 2025-01-31T12:00:00Z)."];
        }

        if (request.Target == OffsetResetTarget.Offset && request.Offset is not >= 0)
        {
            problems["offset"] = [request.Offset is null ? "Target 'offset' needs an offset." : "offset must be 0 or more."];
        }

        return problems;
    }

    public Task<OffsetResetOutcome> PreviewAsync(OffsetResetRequest request, UserAccess access, CancellationToken cancellationToken) =>
        RunAsync(request, access, apply: null, cancellationToken);

    /// <summary>Writes the reset (Admins only) and records it, or the refusal of it, in the audit log.</summary>
    public Task<OffsetResetOutcome> ApplyAsync(OffsetResetRequest request, UserAccess access, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RunAsync(request, access, actor, cancellationToken);
    }

    private async Task<OffsetResetOutcome> RunAsync(OffsetResetRequest request, UserAccess access, AuditActor? apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var group = Find(request.GroupId, access);
        if (group is null)
        {
            return new OffsetResetOutcome(null, $"Group '{request.GroupId}' is not known.", NotFound: true);
        }

        var refusal = RefusalFor(request, group, access);
        OffsetResetPreview? result = null;
        if (refusal is null)
        {
            try
            {
                result = apply is null
                    ? await reset.PreviewAsync(request, cancellationToken)
                    : await reset.ApplyAsync(request, cancellationToken);
                refusal = result.Refusal;
            }
            catch (InvalidOperationException ex)
            {
                // The broker refused the write (for example a member joined since the preview).
                refusal = ex.Message;
            }
        }

        if (apply is not null)
        {
            Audit(apply, request, result, refusal);
            if (refusal is null)
            {
                // The page and the next API call should show the new committed offsets, not wait for the next sample.
                await view.RefreshNowAsync(cancellationToken);
            }
        }

        return new OffsetResetOutcome(result, refusal, Applied: apply is not null && refusal is null);
    }

    private string? RefusalFor(OffsetResetRequest request, ConsumerGroupStatus visible, UserAccess access)
    {
        if (ResetsOffReason is { } off)
        {
            return off;
        }

        if (!access.IsInRole(AccessRoles.Admin))
        {
            return "Only Admins may reset a group's offsets.";
        }

        if (Validate(request) is { Count: > 0 } problems)
        {
            return string.Join(" ", problems.Values.SelectMany(v => v));
        }

        if (access.Topics.IsUnrestricted)
        {
            return null;
        }

        // A restricted Admin moves only what they can see: naming the topic is required when the group reads others too.
        if (request.Topic is { Length: > 0 } topic)
        {
            return access.CanRead(topic) ? null : $"Topic '{topic}' is not one of this group's topics you may read.";
        }

        var all = view.Current.Groups.First(g => string.Equals(g.GroupId, visible.GroupId, StringComparison.Ordinal));
        return all.Partitions.Count == visible.Partitions.Count
            ? null
            : "This group also consumes topics you may not read: choose a topic to reset.";
    }

    private void Audit(AuditActor actor, OffsetResetRequest request, OffsetResetPreview? result, string? refusal)
    {
        var target = GroupTexts.Target(request.Target) + request.Target switch
        {
            OffsetResetTarget.Time => " " + request.Time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            OffsetResetTarget.Offset => " " + request.Offset?.ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        var detail = $"scope: {GroupTexts.Scope(request.Topic, request.Partition)}; target: {target}; "
            + (refusal is null
                ? string.Create(CultureInfo.InvariantCulture, $"rows: {result?.Rows.Count ?? 0}; lag after: {result?.TotalLagAfter ?? 0}")
                : $"refused: {refusal}");
        audit.Record(actor.Entry(AuditAction.OffsetReset, request.GroupId, detail, succeeded: refusal is null));
    }

    /// <summary>
    /// The group with only readable partitions, topics and member assignments, totals recomputed; null when nothing of it
    /// is readable (a group whose partitions are not known yet is shown only to users who read every topic).
    /// </summary>
    private static ConsumerGroupStatus? Visible(ConsumerGroupStatus group, UserAccess access)
    {
        if (access.Topics.IsUnrestricted)
        {
            return group;
        }

        var partitions = group.Partitions.Where(p => access.CanRead(p.Topic)).ToList();
        if (partitions.Count == 0)
        {
            return null;
        }

        if (partitions.Count == group.Partitions.Count)
        {
            return group;
        }

        return group with
        {
            Partitions = partitions,
            Topics = [.. group.Topics.Where(t => access.CanRead(t.Topic))],
            Members = [.. group.Members.Select(m => m with { Assignment = [.. m.Assignment.Where(a => access.CanRead(a.Topic))] })],
            TotalLag = partitions.Sum(p => p.Lag ?? 0),
            MaxTimeLag = partitions.Select(p => p.TimeLag.Value).Where(v => v is not null).Max(),
        };
    }
}
