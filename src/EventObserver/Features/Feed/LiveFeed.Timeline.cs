using EventObserver.Components.Shared;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>
/// The timeline always describes the filter in force: each (re)start counts the filter's events of the chart's window
/// in the index, off the circuit thread, then the live events continue the count (<see cref="SecondCounter"/>).
/// </summary>
public sealed partial class LiveFeed
{
    private CancellationTokenSource? _timelineRead;
    private string _timelineNote = "";

    /// <summary>True while the timeline's window is counted from the index.</summary>
    public bool CountingTimeline => Counter.Counting;

    /// <summary>Starts a fresh count for <see cref="Filter"/>; a count still running for an older filter is cancelled.</summary>
    private void RecountTimeline()
    {
        var epoch = ClearTimeline();
        _timelineRead = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        _ = CountTimelineAsync(epoch, Filter, _timelineRead.Token);
    }

    /// <summary>
    /// Empties the timeline and marks it as counting, at once when the filter changes: the old live subscription is
    /// stopped before the new count starts, and until then the old filter's bars would show under the new filter as if
    /// counted. Returns the counter's new epoch; a count still running for an older filter is cancelled.
    /// </summary>
    private int ClearTimeline()
    {
        var epoch = Counter.Restart();
        _timeline = Counter.Snapshot(Time.GetUtcNow());
        _timelineNote = "";
        _timelineRead?.Cancel();
        return epoch;
    }

    private async Task CountTimelineAsync(int epoch, EventSelection filter, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - Counter.Seconds);
        TimelineCounts counts;
        string note;
        try
        {
            var read = await Queries.CountPerSecondAsync(filter, start, Counter.Seconds, User.Access, cancellationToken);
            counts = read.Value ?? TimelineCounts.None(start);
            note = read.Value is null ? $"Counting the index failed ({read.Error}): only live events are counted." : CapNote(counts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // a newer filter or the page's end
        }

        if (!Counter.Seed(epoch, counts) || _closed.IsCancellationRequested)
        {
            return;
        }

        await InvokeAsync(() =>
        {
            _types.Add(counts.Types);
            _timelineNote = note;
            _timeline = Counter.Snapshot(Time.GetUtcNow());
            StateHasChanged();
        });
    }

    private static string CapNote(TimelineCounts counts) => counts.Capped
        ? $"Counted the newest {DisplayFormat.Count(counts.Events)} matching events of the index; before {DisplayFormat.Timestamp(counts.CountedFrom)} only live ones."
        : "";
}
