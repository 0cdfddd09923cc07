using System.Globalization;

using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>The words the groups pages and API use for durations, states and each partition's lag status.</summary>
public static class GroupTexts
{
    public const string ResetsOffSetting = "EventObserver:Groups:AllowOffsetReset";

    public const string GroupsOffSetting = "EventObserver:Groups:Enabled";

    public static readonly string ResetsOff =
        $"Offset resets are turned off: set {ResetsOffSetting}=true to allow them (Admins only, groups without active members only).";

    public static readonly string GroupsOff = $"Consumer groups are turned off ({GroupsOffSetting}=false).";

    /// <summary>"—", "0 s", "45 s", "2 min 10 s", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan? value)
    {
        if (value is not { } span)
        {
            return "—";
        }

        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        return span.TotalSeconds switch
        {
            < 60 => string.Create(c, $"{(int)span.TotalSeconds} s"),
            < 3600 => span.Seconds == 0 ? string.Create(c, $"{span.Minutes} min") : string.Create(c, $"{span.Minutes} min {span.Seconds} s"),
            < 86400 => span.Minutes == 0 ? string.Create(c, $"{span.Hours} h") : string.Create(c, $"{span.Hours} h {span.Minutes} min"),
            _ => span.Hours == 0 ? string.Create(c, $"{span.Days} d") : string.Create(c, $"{span.Days} d {span.Hours} h"),
        };
    }

    /// <summary>What a partition's time lag means, in words ("first uncommitted event no longer indexed").</summary>
    public static string Status(PartitionLag partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.LogEndOffset is null)
        {
            return "log end offset not known (the broker did not say)";
        }

        return partition.TimeLag.Status switch
        {
            TimeLagStatus.CaughtUp => "caught up",
            TimeLagStatus.Exact => "behind: age of the first uncommitted event",
            TimeLagStatus.NoLongerIndexed => "first uncommitted event no longer indexed",
            TimeLagStatus.NotYetIndexed => "first uncommitted event not indexed yet",
            TimeLagStatus.NoCommit => "no committed offset",
            _ => "time lag not looked up",
        };
    }

    public static string State(GroupState state) => state switch
    {
        GroupState.PreparingRebalance => "Preparing rebalance",
        GroupState.CompletingRebalance => "Completing rebalance",
        _ => state.ToString(),
    };

    public static string Target(OffsetResetTarget target) => target switch
    {
        OffsetResetTarget.Earliest => "earliest",
        OffsetResetTarget.Latest => "latest",
        OffsetResetTarget.Time => "time",
        _ => "offset",
    };

    /// <summary>"orders (every partition)", "orders/2", "every topic" — what a reset covers, for the audit log and the page.</summary>
    public static string Scope(string? topic, int? partition) => (topic, partition) switch
    {
        (null or "", _) => "every topic",
        (_, null) => $"{topic} (every partition)",
        _ => string.Create(CultureInfo.InvariantCulture, $"{topic}/{partition}"),
    };
}
