using System.Globalization;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Components.Feed;

/// <summary>
/// Events per second as a stacked bar per topic, in buckets of <see cref="BucketSeconds"/> seconds.
/// Clicking a bar reports the end of that bucket as the moment to show history from.
/// </summary>
public sealed partial class FeedTimeline
{
    public const int BucketSeconds = 5;

    private readonly ChartOptions _options = new() { ShowLegend = false };
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private TimelineSnapshot? _shown;

    [Parameter] public TimelineSnapshot? Snapshot { get; set; }

    [Parameter] public EventCallback<DateTimeOffset> MomentSelected { get; set; }

    private int Minutes => Math.Max(1, (Snapshot?.Seconds ?? SecondCounter.DefaultSeconds) / 60);

    /// <summary>The per-bucket average rate of each topic, and a label every minute.</summary>
    public static (List<ChartSeries<double>> Series, string[] Labels) Build(TimelineSnapshot snapshot)
    {
        var buckets = snapshot.Seconds / BucketSeconds;
        var series = new List<ChartSeries<double>>();
        foreach (var (topic, perSecond) in snapshot.ByTopic)
        {
            var values = new double[buckets];
            for (var b = 0; b < buckets; b++)
            {
                double sum = 0;
                for (var s = b * BucketSeconds; s < (b + 1) * BucketSeconds; s++)
                {
                    sum += perSecond[s];
                }

                values[b] = Math.Round(sum / BucketSeconds, 1);
            }

            series.Add(new ChartSeries<double> { Name = topic, Data = new ChartData<double>(values) });
        }

        var labels = new string[buckets];
        for (var b = 0; b < buckets; b++)
        {
            var at = snapshot.At(b * BucketSeconds);
            labels[b] = at.Second < BucketSeconds ? at.ToString("HH:mm", CultureInfo.InvariantCulture) : "";
        }

        return (series, labels);
    }

    /// <summary>The moment a click on bucket <paramref name="bucket"/> stands for: the end of that bucket.</summary>
    public static DateTimeOffset MomentOf(TimelineSnapshot snapshot, int bucket) =>
        snapshot.At(Math.Clamp((bucket + 1) * BucketSeconds, 0, snapshot.Seconds));

    protected override void OnParametersSet()
    {
        if (Snapshot is null || ReferenceEquals(Snapshot, _shown))
        {
            return;
        }

        _shown = Snapshot;
        (_series, _labels) = Build(Snapshot);
    }

    private async Task OnSelectedAsync(int index)
    {
        if (_shown is not null && index >= 0)
        {
            await MomentSelected.InvokeAsync(MomentOf(_shown, index));
        }
    }
}
