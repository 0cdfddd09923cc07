using System.Globalization;

using EventObserver.Core.Selection;

namespace EventObserver.Features.Flows;

/// <summary>
/// What of the flow map lives in its address (<c>flows?window=1h&amp;edge=…&amp;view=-120,-40,0.900</c>), so coming back
/// from an example's lineage, a reload or a shared link shows the same window, selection and zoom. The view (the
/// drawing's origin in the canvas and its scale) is written by the browser as the user pans and zooms.
/// </summary>
public sealed record FlowViewState(TimeWindow Window, string? EdgeId = null, string? NodeId = null)
{
    public const string ViewParameter = "view";

    /// <summary>The page's address for this state; the view is added by the browser.</summary>
    public string Href
    {
        get
        {
            var href = "flows?window=" + Uri.EscapeDataString(Window.Text);
            if (!string.IsNullOrEmpty(EdgeId))
            {
                href += "&edge=" + Uri.EscapeDataString(EdgeId);
            }
            else if (!string.IsNullOrEmpty(NodeId))
            {
                href += "&node=" + Uri.EscapeDataString(NodeId);
            }

            return href;
        }
    }

    /// <summary>A view written as <c>x,y,scale</c>; null when missing or not three finite numbers with a positive scale.</summary>
    public static double[]? ParseView(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return values[2] > 0 ? values : null;
    }
}
