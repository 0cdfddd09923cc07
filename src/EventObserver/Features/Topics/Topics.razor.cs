using EventObserver.Components.Shared;
using EventObserver.Core.Indexing;
using EventObserver.Monitoring;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Topics;

public sealed partial class Topics : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How many of the newest retention gaps the page lists.</summary>
    public const int GapsShown = 20;

    private LiveUpdate? _refresh;

    [Inject] public required TopicOverviewReader Reader { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    public IReadOnlyList<TopicOverview> Rows { get; private set; } = [];

    public IReadOnlyList<RetentionGap> Gaps { get; private set; } = [];

    private long TotalIndexed => Rows.Sum(r => r.Indexed);

    private double TotalRate => Rows.Sum(r => r.EventsPerSec);

    private DateTimeOffset Now => Time.GetUtcNow();

    public void Dispose() => _refresh?.Dispose();

    protected override void OnInitialized() => Read();

    private void Read()
    {
        Rows = Reader.GetTopics();
        Gaps = Reader.GetRecentGaps(GapsShown);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _refresh = LiveUpdate.Every(Time, RefreshPeriod, () => InvokeAsync(() =>
            {
                Read();
                StateHasChanged();
            }));
        }
    }
}
