using System.Globalization;
using System.Text;

using EventObserver.Components.Shared;

namespace EventObserver.Features.Feed;

/// <summary>One bucket of the timeline: <see cref="Events"/> matching events from <see cref="Start"/> to before <see cref="End"/>.</summary>
public sealed record TimelineBar(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<(string Topic, double Rate)> Topics, long Events)
{
    public double Total => Topics.Sum(t => t.Rate);

    public string Tooltip
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Start:HH:mm:ss}–{End:HH:mm:ss} UTC · {DisplayFormat.Count(Events)} events ({DisplayFormat.Rate(Total)}/s)");
            foreach (var (topic, rate) in Topics.OrderByDescending(t => t.Rate))
            {
                text.Append('\n').Append(topic).Append(": ").Append(DisplayFormat.Rate(rate)).Append("/s");
            }

            return text.Append(Events > 0 ? "\nClick: load these events" : "\nClick: history up to here").ToString();
        }
    }
}
