using System.Globalization;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Feed;

/// <summary>
/// Events per second as stacked bars per topic, in buckets of <see cref="TimelineModel.BucketSeconds"/> seconds.
/// Clicking a bar reports the last millisecond of that bucket as the moment to show history up to.
/// </summary>
public sealed partial class FeedTimeline
{
    private const int BarWidth = 10;

    // Distinct, colour-blind-friendlier hues; a topic keeps its colour while the page lives.
    private static readonly string[] Palette =
    [
        "#4263eb", "#f59f00", "#12b886", "#e64980", "#7048e8", "#fd7e14", "#15aabf", "#82c91e", "#be4bdb", "#fa5252", "#495057", "#20c997",
    ];

    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private TimelineModel _model = TimelineModel.Empty;
    private TimelineSnapshot? _shown;

    [Parameter] public TimelineSnapshot? Snapshot { get; set; }

    /// <summary>Called with the last millisecond of a clicked bar: history up to it starts with that bar's events.</summary>
    [Parameter] public EventCallback<DateTimeOffset> MomentSelected { get; set; }

    /// <summary>True while the window is counted from the index for a new filter.</summary>
    [Parameter] public bool Counting { get; set; }

    /// <summary>What the chart does not cover (a capped or failed count of the index).</summary>
    [Parameter] public string? Note { get; set; }

    public TimelineModel Model => _model;

    private int Minutes => Math.Max(1, (Snapshot?.Seconds ?? SecondCounter.DefaultSeconds) / 60);

    protected override void OnParametersSet()
    {
        if (Snapshot is null || ReferenceEquals(Snapshot, _shown))
        {
            return;
        }

        _shown = Snapshot;
        _model = TimelineModel.Build(Snapshot);
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private string Colour(string topic)
    {
        if (!_colours.TryGetValue(topic, out var colour))
        {
            colour = Palette[_colours.Count % Palette.Length];
            _colours[topic] = colour;
        }

        return colour;
    }

    private Task SelectAsync(int bar) =>
        bar < _model.Bars.Count ? MomentSelected.InvokeAsync(_model.Bars[bar].End.AddMilliseconds(-1)) : Task.CompletedTask;
}
