using EventObserver.Components.Shared;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Components.Tests.Shared;

public sealed class LiveUpdateTests
{
    private readonly FakeTimeProvider _time = new();
    private int _renders;

    [Fact]
    public void LiveUpdate_BurstOfNotifications_RendersAtMostOncePerInterval()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        using var throttle = new LiveUpdate(time, TimeSpan.FromMilliseconds(100), () => { renders++; return Task.CompletedTask; });

        for (var i = 0; i < 50; i++)
        {
            throttle.Request();
        }

        Assert.Equal(1, renders);
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(1, renders);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, renders);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, renders);
        throttle.Request();
        Assert.Equal(3, renders);
    }

    [Fact]
    public void LiveUpdate_Disposed_RendersNothingMore()
    {
        var time = new FakeTimeProvider();
        var renders = 0;
        var throttle = new LiveUpdate(time, TimeSpan.FromMilliseconds(100), () => { renders++; return Task.CompletedTask; });
        throttle.Request();
        throttle.Request();

        throttle.Dispose();
        time.Advance(TimeSpan.FromSeconds(1));
        throttle.Request();

        Assert.Equal(1, renders);
    }

    [Fact]
    public void Every_TimePasses_RendersOncePerPeriodFromOnePeriodOnUntilDisposed()
    {
        var update = LiveUpdate.Every(_time, TimeSpan.FromSeconds(1), Render);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        var beforeFirstPeriod = _renders;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var afterFirstPeriod = _renders;
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterSecondPeriod = _renders;
        update.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal((0, 1, 2), (beforeFirstPeriod, afterFirstPeriod, afterSecondPeriod));
        Assert.Equal(2, _renders);
    }

    [Fact]
    public void Every_ARenderThrows_LaterTicksStillRenderAndTheFailureIsKept()
    {
        var failure = new IOException("index read failed");
        var attempts = 0;
        using var update = LiveUpdate.Every(_time, TimeSpan.FromSeconds(1), () =>
        {
            attempts++;
            return attempts == 1 ? Task.FromException(failure) : Task.CompletedTask;
        });

        _time.Advance(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, attempts);
        Assert.Equal(1, update.FailedRenders);
        Assert.Same(failure, update.LastFailure);
    }

    [Fact]
    public void SkipTicks_CostlyPoll_PassesOverThatManyTicksThenRendersAgain()
    {
        using var update = LiveUpdate.Every(_time, TimeSpan.FromSeconds(10), Render);

        update.SkipTicks(2);
        _time.Advance(TimeSpan.FromSeconds(20));
        var afterSkipped = _renders;
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, afterSkipped);
        Assert.Equal(1, _renders);
        Assert.Equal(2, update.SkippedTicks);
    }

    [Fact]
    public void StopTicking_Poll_RendersNoMoreButStillOnRequest()
    {
        using var update = LiveUpdate.Every(_time, TimeSpan.FromSeconds(1), Render);
        _time.Advance(TimeSpan.FromSeconds(1));

        update.StopTicking();
        _time.Advance(TimeSpan.FromSeconds(5));
        var whileStopped = _renders;
        update.Request();

        Assert.Equal(1, whileStopped);
        Assert.Equal(2, _renders);
    }

    [Fact]
    public void Request_DuringASlowRender_RendersOnceMoreAfterItAndNeverTwoAtOnce()
    {
        var slow = new TaskCompletionSource();
        var (active, mostActive) = (0, 0);
        using var update = new LiveUpdate(_time, TimeSpan.FromMilliseconds(100), async () =>
        {
            mostActive = Math.Max(mostActive, ++active);
            _renders++;
            if (_renders == 1)
            {
                await slow.Task;
            }

            active--;
        });

        update.Request();
        update.Request();
        update.Request();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var duringTheSlowRender = _renders;
        slow.SetResult();

        Assert.Equal(1, duringTheSlowRender);
        Assert.Equal(2, _renders);
        Assert.Equal(1, mostActive);
    }

    [Fact]
    public async Task DisposeAsync_RenderInProgress_WaitsForItAndStartsNoOther()
    {
        var slow = new TaskCompletionSource();
        var update = new LiveUpdate(_time, TimeSpan.FromMilliseconds(100), async () =>
        {
            _renders++;
            await slow.Task;
        });
        update.Request();

        var disposing = update.DisposeAsync().AsTask();
        var waited = !disposing.IsCompleted;
        slow.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        update.Request();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(waited, "DisposeAsync returned while the render was still running");
        Assert.Equal(1, _renders);
    }

    private Task Render()
    {
        _renders++;
        return Task.CompletedTask;
    }
}
