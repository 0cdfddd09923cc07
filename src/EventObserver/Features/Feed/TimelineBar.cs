using System.Globalization;
using System.Text;

using EventObserver.Components.Shared;

namespace EventObserver.Features.Feed;

/// <summary>One bucket of the timeline.</summary>
public sealed record TimelineBar(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<(string Topic, double Rate)> Topics)
{
    public double Total => Topics.Sum(t => t.Rate);

    public string Tooltip
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Start:HH:mm:ss}–{End:HH:mm:ss} UTC · {DisplayFormat.Rate(Total)} events/s");
            foreach (var (topic, rate) in Topics.OrderByDescending(t => t.Rate))
            {
                text.Append('\n').Append(topic).Append(": ").Append(DisplayFormat.Rate(rate)).Append("/s");
            }

            return text.Append("\nClick: history up to here").ToString();
        }
    }
}
