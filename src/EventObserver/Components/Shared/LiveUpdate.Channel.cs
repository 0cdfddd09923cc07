using System.Threading.Channels;

namespace EventObserver.Components.Shared;

public sealed partial class LiveUpdate
{
    private CancellationTokenSource? _follow;
    private Task _following = Task.CompletedTask;

    /// <summary>
    /// Follows a channel (a feed subscription): every arrival is a change, and each render hands everything the
    /// channel holds by then to <paramref name="flush"/>, so the view renders a bounded number of times per second
    /// whatever the rate. Between renders the events wait in the channel, which keeps its own bound.
    /// </summary>
    public static LiveUpdate Follow<T>(ChannelReader<T> reader, TimeProvider time, TimeSpan interval, Func<IReadOnlyList<T>, Task> flush)
    {
        var update = new LiveUpdate(time, interval, () => FlushAsync(reader, flush));
        var stop = new CancellationTokenSource();
        update._follow = stop;
        update._following = Task.Run(() => update.FollowAsync(reader, stop.Token));
        return update;
    }

    private static Task FlushAsync<T>(ChannelReader<T> reader, Func<IReadOnlyList<T>, Task> flush)
    {
        var batch = new List<T>();
        while (reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        return batch.Count == 0 ? Task.CompletedTask : flush(batch);
    }

    private async Task FollowAsync<T>(ChannelReader<T> reader, CancellationToken stop)
    {
        try
        {
            while (await reader.WaitToReadAsync(stop))
            {
                // Wait for the render that takes what arrived; until then the channel is not empty and would wake us again.
                var rendered = NextRenderAsync();
                Request();
                await rendered.WaitAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task StopFollowingAsync()
    {
        await _following;
        _follow?.Dispose();
    }
}
