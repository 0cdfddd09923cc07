using System.Globalization;

using EventObserver.Core.Topology;

namespace EventObserver.Features.Topology;

/// <summary>How the topology looks: CSS classes per kind and lag level (TopologyView.razor.css) and the short texts on boxes and links.</summary>
public static class TopologyStyles
{
    public const double ThinnestLine = 1.5;
    public const double ThickestLine = 9;

    public static string NodeClass(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            TopologyNodeKind.Producer => "eo-tp-producer",
            TopologyNodeKind.Topic => node.DeadLetter ? "eo-tp-topic eo-tp-deadletter" : "eo-tp-topic",
            _ => "eo-tp-group " + LagClass(node.LagLevel) + (node.Error is null ? "" : " eo-tp-error"),
        };
    }

    public static string LagClass(LagLevel level) => level switch
    {
        LagLevel.Ok => "eo-tp-lag-ok",
        LagLevel.Lagging => "eo-tp-lag-lagging",
        LagLevel.FarBehind => "eo-tp-lag-far",
        _ => "eo-tp-lag-unknown",
    };

    public static string KindLabel(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            TopologyNodeKind.Producer => "producer",
            TopologyNodeKind.Topic => node.DeadLetter ? "dead letters" : "topic",
            _ => node.Error is null ? "group" : "group · error",
        };
    }

    /// <summary>The line under the name: a rate, and for a group its lag.</summary>
    public static string Detail(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Kind != TopologyNodeKind.Group)
        {
            return Rate(node.PerSecond);
        }

        var lag = node.Lag is { } messages ? "lag " + messages.ToString("N0", CultureInfo.InvariantCulture) : "lag ?";
        return node.MaxTimeLag is { } time ? $"{lag} · {Duration(time)}" : lag;
    }

    public static string Title(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var detail = node.Kind == TopologyNodeKind.Group
            ? $"{Detail(node)} behind, consumes {Rate(node.PerSecond)} ({LagText(node.LagLevel)})"
            : $"{node.Count.ToString("N0", CultureInfo.InvariantCulture)} messages in the window, {Rate(node.PerSecond)}";
        return $"{KindLabel(node)} {node.Name}: {detail}{(node.Error is null ? "" : " — " + node.Error)}";
    }

    public static string LagText(LagLevel level) => level switch
    {
        LagLevel.Ok => "up to date: time lag under 10 s",
        LagLevel.Lagging => "lagging: 10–60 s behind",
        LagLevel.FarBehind => "far behind: a minute or more",
        _ => "time lag unknown",
    };

    /// <summary>"12/s", "0.4/s", "1,250/s"; "?/s" when the rate is not known yet.</summary>
    public static string Rate(double? perSecond) => perSecond switch
    {
        null => "?/s",
        >= 100 => perSecond.Value.ToString("N0", CultureInfo.InvariantCulture) + "/s",
        >= 10 => perSecond.Value.ToString("0", CultureInfo.InvariantCulture) + "/s",
        0 => "0/s",
        < 0.01 => "<0.01/s",
        _ => perSecond.Value.ToString("0.##", CultureInfo.InvariantCulture) + "/s",
    };

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "0 s",
        < 120 => $"{span.TotalSeconds:0} s",
        < 7200 => $"{span.TotalMinutes:0} min",
        _ => $"{span.TotalHours:0} h",
    };

    public static double StrokeWidth(TopologyEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return ThinnestLine + (ThickestLine - ThinnestLine) * Math.Clamp(edge.Weight, 0, 1);
    }
}
