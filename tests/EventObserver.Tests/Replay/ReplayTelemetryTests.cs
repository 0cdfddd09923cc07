using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

using EventObserver.Core.Metrics;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Replay;

/// <summary>A replay run is traced as one <c>replay run</c> activity and counted by kind and outcome when it ends.</summary>
public sealed class ReplayTelemetryTests : IDisposable
{
    private readonly ReplayHarness _harness = new();
    private readonly ConcurrentBag<(string Thread, string Instrument, long Value, string Tags)> _measured = [];
    private readonly ConcurrentBag<(string Thread, Activity Activity)> _activities = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _traces;

    public ReplayTelemetryTests()
    {
        // Runs of other tests finish in parallel: what this test's run records is told apart by its thread ("replay-{id}").
        _meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TelemetryNames.ReplayMeter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Add((Thread.CurrentThread.Name ?? "", instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        _meters.Start();
        _traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.ReplaySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _activities.Add((Thread.CurrentThread.Name ?? "", activity)),
        };
        ActivitySource.AddActivityListener(_traces);
    }

    public void Dispose()
    {
        _traces.Dispose();
        _meters.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task CompletedProjectionRun_IsCountedAndTracedWithItsEvents()
    {
        var events = _harness.SeedOrders(5).Count;
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script });
        var thread = "replay-" + run.Id;

        await ReplayHarness.FinishedAsync(run);
        var activity = await Eventually.MatchAsync(() => _activities.FirstOrDefault(a => a.Thread == thread).Activity, a => a is not null, "the run's activity to stop");

        Assert.Equal(ReplayTelemetry.ActivityName, activity!.OperationName);
        Assert.Equal("projection", activity.GetTagItem(ReplayTelemetry.KindTag));
        Assert.Equal((long)events, activity.GetTagItem(ReplayTelemetry.EventsTag));
        Assert.Equal("completed", activity.GetTagItem(ReplayTelemetry.OutcomeTag));
        var mine = _measured.Where(m => m.Thread == thread).ToList();
        Assert.Equal(1, mine.Single(m => m.Instrument == InstrumentCatalog.ReplayRuns.Name && m.Tags == "kind=projection,outcome=completed").Value);
        Assert.Equal(events, mine.Single(m => m.Instrument == InstrumentCatalog.ReplayEvents.Name && m.Tags == "kind=projection").Value);
    }

    [Fact]
    public async Task StoppedRun_IsCountedAsStopped()
    {
        _harness.SeedOrders(5);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });
        var thread = "replay-" + run.Id;

        run.Stop();
        await ReplayHarness.FinishedAsync(run);
        var activity = await Eventually.MatchAsync(() => _activities.FirstOrDefault(a => a.Thread == thread).Activity, a => a is not null, "the run's activity to stop");

        Assert.Equal("stopped", activity!.GetTagItem(ReplayTelemetry.OutcomeTag));
        Assert.Contains(_measured, m => m.Thread == thread && m.Instrument == InstrumentCatalog.ReplayRuns.Name && m.Tags == "kind=projection,outcome=stopped");
    }
}
