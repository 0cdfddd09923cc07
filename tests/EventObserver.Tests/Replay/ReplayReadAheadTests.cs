using System.Text.Json.Nodes;

using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Tests.Replay;

/// <summary>
/// A run reads events ahead on another thread (and scans their JSON there): stepping, pausing and stopping must still
/// see every event exactly once, in order, with its own payload.
/// </summary>
public sealed class ReplayReadAheadTests : IDisposable
{
    private readonly ReplayHarness _harness = new();

    [Fact]
    public async Task Step_ProjectionReadingData_EachStepMatchesTheSameFoldDoneDirectly()
    {
        var seeded = _harness.SeedOrders(6).OrderBy(e => e.TimestampMs).ToList();
        var script = ProjectionTemplates.OrderLifecycle.Script;
        var direct = ProjectionRunner.Create(script).Runner!;
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = script, StartPaused = true });
        await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused);

        for (var step = 1; step <= 12; step++)
        {
            Assert.True(run.Step().Accepted);
            var snapshot = await ReplayHarness.WaitAsync(run, s => s.Processed == step && s.Status == ReplayRunStatus.Paused && s.LastEvent is not null);
            direct.Apply(seeded[step - 1]);

            Assert.Equal(seeded[step - 1].Id, snapshot.LastEvent!.Position.ToString());
            Assert.True(JsonNode.DeepEquals(direct.GetState(), snapshot.State), $"step {step}: {snapshot.State?.ToJsonString()}");
        }

        run.Resume();
        var done = await ReplayHarness.FinishedAsync(run);
        foreach (var e in seeded.Skip(12))
        {
            direct.Apply(e);
        }

        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(seeded.Count, done.Processed);
        Assert.True(JsonNode.DeepEquals(direct.GetState(), done.State));
    }

    [Fact]
    public async Task Stop_WhilePausedWithEventsReadAhead_FinishesWithTheExactCount()
    {
        _harness.SeedOrders(200);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.OrderLifecycle.Script, StartPaused = true });
        await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused);
        Assert.True(run.Step(3).Accepted);
        await ReplayHarness.WaitAsync(run, s => s.Processed == 3 && s.Status == ReplayRunStatus.Paused);

        Assert.True(run.Stop().Accepted);
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Stopped, done.Status);
        Assert.Equal(3, done.Processed);
        Assert.Equal(1000, done.Total);
    }

    public void Dispose() => _harness.Dispose();
}
