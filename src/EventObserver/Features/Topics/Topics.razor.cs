using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Topics;

public sealed partial class Topics : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How many of the newest retention gaps the page lists.</summary>
    public const int GapsShown = 20;

    private readonly CancellationTokenSource _closed = new();
    private LiveUpdate? _refresh;

    [Inject] public required TopicQueries Queries { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    public IReadOnlyList<TopicOverview> Rows { get; private set; } = [];

    public IReadOnlyList<RetentionGap> Gaps { get; private set; } = [];

    private long TotalIndexed => Rows.Sum(r => r.Indexed);

    private double TotalRate => Rows.Sum(r => r.EventsPerSec);

    private DateTimeOffset Now => Time.GetUtcNow();

    public void Dispose()
    {
        _refresh?.Dispose();

        // Not disposed: a refresh in progress may still ask for its token (a source without a timer holds nothing).
        _closed.Cancel();
    }

    /// <summary>The live feed filtered to <paramref name="topic"/>.</summary>
    public static string FeedHref(string topic) => "./?" + EventSelectionQuery.ToQuery(new EventSelection { Topics = [topic] });

    /// <summary>The topic's own page (partitions, groups, producers).</summary>
    public static string DetailHref(string topic) => "./topics/" + Uri.EscapeDataString(topic);

    protected override Task OnInitializedAsync() => ReadAsync();

    private async Task ReadAsync()
    {
        try
        {
            Rows = await Queries.GetTopicsAsync(User.Access, _closed.Token);
            Gaps = await Queries.GetGapsAsync(null, GapsShown, User.Access, _closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // The page was closed during the read.
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _refresh = LiveUpdate.Every(Time, RefreshPeriod, () => InvokeAsync(async () =>
            {
                await ReadAsync();
                StateHasChanged();
            }));
        }
    }
}
