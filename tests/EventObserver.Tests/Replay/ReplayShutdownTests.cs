using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;
using EventObserver.Lifecycle;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Tests.Replay;

/// <summary>The app's shutdown stops replay runs between two events and says so in the run and in the publish log.</summary>
public sealed class ReplayShutdownTests : IDisposable
{
    private readonly ReplayHarness _harness = new(new Configuration.ReplayOptions
    {
        AllowPublish = true,
        AllowedTargets = [".*"],
        ScriptTimeoutPerCall = ReplayHarness.GenerousScriptTimeout,
    });

    [Fact]
    public async Task StopAllForShutdown_PausedAndRunningRuns_EndStoppedWithTheShutdownReason()
    {
        _harness.SeedOrders(2);
        var finished = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script });
        await ReplayHarness.FinishedAsync(finished);
        var paused = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });

        await _harness.Manager.StopAllForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var stopped = paused.Snapshot;
        Assert.Equal(ReplayRunStatus.Stopped, stopped.Status);
        Assert.Equal(ReplayRunManager.ShutdownReason, stopped.Message);
        Assert.Equal(ReplayRunStatus.Completed, finished.Snapshot.Status);
        Assert.Null(finished.Snapshot.Message);
    }

    [Fact]
    public async Task StopAllForShutdown_PublishInProgress_IsLoggedStoppedWithTheReason()
    {
        _harness.SeedOrders(3);
        var publish = _harness.Start(new ReplayRequest
        {
            Selection = new EventSelection(),
            Publish = new ReplayPublishRequest("replay.orders", DryRun: true),
            StartPaused = true,
        });
        Assert.True(publish.Step().Accepted);
        await ReplayHarness.WaitAsync(publish, s => s.Processed == 1 && s.Status == ReplayRunStatus.Paused);

        await _harness.Manager.StopAllForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ReplayRunStatus.Stopped, publish.Snapshot.Status);
        Assert.Equal(1, publish.Snapshot.Processed);
        var logged = Assert.Single(_harness.Store.ListPublishes());
        Assert.Equal("stopped", logged.Status);
        Assert.Equal(ReplayRunManager.ShutdownReason, logged.Error);
        Assert.Equal(1, logged.Sent);
    }

    [Fact]
    public async Task ReplayShutdownService_ApplicationStopping_StopsRunsBeforeItsOwnTurn()
    {
        _harness.SeedOrders(2);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });
        using var lifetime = new StoppingLifetime();
        var service = new ReplayShutdownService(_harness.Manager, lifetime, NullLogger<ReplayShutdownService>.Instance);
        await service.StartAsync(CancellationToken.None);

        lifetime.StopApplication();
        var stopped = await ReplayHarness.FinishedAsync(run);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(ReplayRunStatus.Stopped, stopped.Status);
        Assert.Equal(ReplayRunManager.ShutdownReason, stopped.Message);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
