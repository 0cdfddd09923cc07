using System.Globalization;

using EventObserver.Access;
using EventObserver.Components.Shared;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Topics;

/// <summary>
/// One topic: partitions as the cluster and the index see them, consuming groups with their lag, producers seen.
/// Re-read every <see cref="RefreshPeriod"/> (the cluster's answers are cached for about as long).
/// </summary>
public sealed partial class TopicDetail : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _closed = new();
    private LiveUpdate? _refresh;

    [Parameter] public string Name { get; set; } = "";

    /// <summary>Set while prerendering (the first response), null once interactive: a missing topic answers 404 there.</summary>
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] public required TopicDetailQueries Queries { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    /// <summary>True until the first answer for the current name.</summary>
    public bool Loading { get; private set; } = true;

    /// <summary>The topic; null when unknown or not permitted.</summary>
    public TopicDetailDto? Detail { get; private set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    public void Dispose()
    {
        _refresh?.Dispose();

        // Not disposed: a read in progress may still ask for its token.
        _closed.Cancel();
    }

    protected override async Task OnParametersSetAsync()
    {
        Loading = true;
        Detail = null;
        await ReadAsync();
        Loading = false;
        if (Detail is null && HttpContext is { Response.HasStarted: false } http)
        {
            // Set as the response starts, as the event detail does: set now, the status code pages would replace this page.
            http.Response.OnStarting(() =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
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

    private async Task ReadAsync()
    {
        try
        {
            Detail = await Queries.GetAsync(Name, User.Access, _closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // The page was closed during the read.
        }
    }

    private static string Reported(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "not reported";

    private static string Reported(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "not reported";

    private static string Brokers(IReadOnlyList<int>? brokers) =>
        brokers is null ? "not reported" : string.Join(", ", brokers.Select(b => b.ToString(CultureInfo.InvariantCulture)));

    private static string IndexedRange(TopicPartitionDto partition) => partition.OldestIndexed is { } oldest && partition.NewestIndexed is { } newest
        ? $"{oldest.ToString(CultureInfo.InvariantCulture)}–{newest.ToString(CultureInfo.InvariantCulture)}"
        : "none";
}
