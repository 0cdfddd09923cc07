using System.Globalization;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>
/// How nodes and edges look: one CSS class per Event Storming colour (wwwroot/css/lineage.css, also
/// embedded in SVG exports) and the short texts on a sticky.
/// </summary>
public static class LineageStyles
{
    /// <summary>What a hidden sticky says, on the board and when clicked.</summary>
    public const string HiddenText = "hidden: you may not read this topic";

    public static string NodeClass(LineageNode node)
    {
        var kind = node.Kind switch
        {
            LineageNodeKind.Unknown => "eo-lg-unknown",
            LineageNodeKind.More => "eo-lg-more",
            LineageNodeKind.Hidden => "eo-lg-hidden",
            _ => node.Envelope?.Kind switch
            {
                MessageKind.Command => "eo-lg-command",
                MessageKind.Event => "eo-lg-event",
                _ => "eo-lg-message",
            },
        };
        return node.Envelope?.DeadLetterOf is null ? kind : kind + " eo-lg-deadletter";
    }

    public static string EdgeClass(LineageEdgeKind kind) => kind switch
    {
        LineageEdgeKind.Correlation => "eo-lg-edge-correlation",
        LineageEdgeKind.DeadLetter => "eo-lg-edge-deadletter",
        _ => "eo-lg-edge-causation",
    };

    public static string KindLabel(LineageNode node) => node.Kind switch
    {
        LineageNodeKind.Unknown => "unknown",
        LineageNodeKind.More => "more",
        LineageNodeKind.Hidden => "hidden",
        _ when node.Envelope?.DeadLetterOf is not null => "dead letter",
        _ => node.Envelope?.Kind switch
        {
            MessageKind.Command => "command",
            MessageKind.Event => "event",
            _ => "message",
        },
    };

    public static string Title(LineageNode node) => node.Kind switch
    {
        LineageNodeKind.Unknown => "Unknown message",
        LineageNodeKind.More => $"{node.MoreCount.ToString("N0", CultureInfo.InvariantCulture)} more",
        LineageNodeKind.Hidden => "Hidden",
        _ => node.Envelope?.MessageType ?? "(no type)",
    };

    public static string Latency(long? ms) => ms switch
    {
        null => "",
        < 0 => "−" + Latency(-ms),
        < 1000 => $"{ms} ms",
        < 60_000 => (ms.Value / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 3_600_000 => (ms.Value / 60_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " min",
        _ => (ms.Value / 3_600_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " h",
    };

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Cuts text to fit a sticky; SVG text does not wrap or clip by itself.</summary>
    public static string Fit(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(1, max - 1)), "…");
    }

    /// <summary>The service name without the CloudEvents <c>/shop/</c>-style path prefix.</summary>
    public static string ShortSource(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return "";
        }

        var trimmed = source.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 && slash < trimmed.Length - 1 ? trimmed[(slash + 1)..] : trimmed;
    }
}
