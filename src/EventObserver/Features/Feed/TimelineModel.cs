using System.Globalization;

namespace EventObserver.Features.Feed;

/// <summary>The timeline's bars: per bucket, the average rate per topic; plus minute ticks (in percent of the width).</summary>
public sealed record TimelineModel(IReadOnlyList<TimelineBar> Bars, double Peak, IReadOnlyList<(double Position, string Label)> Ticks)
{
    public const int BucketSeconds = 5;

    public static readonly TimelineModel Empty = new([], 0, []);

    public static TimelineModel Build(TimelineSnapshot snapshot)
    {
        var buckets = snapshot.Seconds / BucketSeconds;
        var bars = new List<TimelineBar>(buckets);
        double peak = 0;
        for (var b = 0; b < buckets; b++)
        {
            var topics = new List<(string Topic, double Rate)>();
            long events = 0;
            foreach (var (topic, perSecond) in snapshot.ByTopic)
            {
                double sum = 0;
                for (var s = b * BucketSeconds; s < (b + 1) * BucketSeconds; s++)
                {
                    sum += perSecond[s];
                }

                events += (long)sum;
                if (sum > 0)
                {
                    topics.Add((topic, sum / BucketSeconds));
                }
            }

            var start = snapshot.At(b * BucketSeconds);
            var bar = new TimelineBar(start, start.AddSeconds(BucketSeconds), topics, events);
            peak = Math.Max(peak, bar.Total);
            bars.Add(bar);
        }

        var ticks = new List<(double, string)>();
        for (var b = 0; b < buckets; b++)
        {
            var at = bars[b].Start;
            if (at.Second < BucketSeconds)
            {
                ticks.Add((100.0 * b / buckets, at.ToString("HH:mm", CultureInfo.InvariantCulture)));
            }
        }

        return new TimelineModel(bars, peak, ticks);
    }
}
