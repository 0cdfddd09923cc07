using System.Diagnostics;

using EventObserver.Core.Metrics;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// A replay run as telemetry sees it: one <c>replay run</c> activity around the run's thread, and when it finishes
/// <c>eventobserver.replay.runs</c> (kind, outcome), <c>eventobserver.replay.events</c> and its running time.
/// </summary>
internal static class ReplayTelemetry
{
    public const string ActivityName = "replay run";
    public const string KindTag = "eventobserver.kind";
    public const string EventsTag = "eventobserver.events";
    public const string OutcomeTag = "eventobserver.outcome";

    private static readonly ActivitySource Source = new(TelemetryNames.ReplaySource);

    // Enum.ToString allocates; runs are rare, but the tags are constants anyway.
    private static readonly Dictionary<ReplayRunKind, string> Kinds = Enum.GetValues<ReplayRunKind>().ToDictionary(k => k, k => k.ToString().ToLowerInvariant());
    private static readonly Dictionary<ReplayRunStatus, string> Outcomes = Enum.GetValues<ReplayRunStatus>().ToDictionary(s => s, s => s.ToString().ToLowerInvariant());

    private static readonly ReplayRunStatus[] FinalStatuses = [ReplayRunStatus.Completed, ReplayRunStatus.Failed, ReplayRunStatus.Stopped];

    public static Activity? StartRun(ReplayRunKind kind)
    {
        var activity = Source.StartActivity(ActivityName, ActivityKind.Internal);
        activity?.SetTag(KindTag, Kinds[kind]);
        return activity;
    }

    /// <summary>A zero for every kind and outcome a finished run can have (see <c>CounterBaseline</c>).</summary>
    public static void Baseline()
    {
        foreach (var kind in Kinds.Values)
        {
            var kindTag = new KeyValuePair<string, object?>(Instruments.KindTag, kind);
            Instruments.ReplayEvents.Add(0, kindTag);
            foreach (var status in FinalStatuses)
            {
                Instruments.ReplayRuns.Add(0, kindTag, new KeyValuePair<string, object?>(Instruments.OutcomeTag, Outcomes[status]));
            }
        }
    }

    /// <summary>Called on the run's thread, inside the activity <see cref="StartRun"/> began.</summary>
    public static void Finished(ReplayRunKind kind, ReplayRunStatus status, long processed, TimeSpan running)
    {
        var kindTag = new KeyValuePair<string, object?>(Instruments.KindTag, Kinds[kind]);
        Instruments.ReplayRuns.Add(1, kindTag, new KeyValuePair<string, object?>(Instruments.OutcomeTag, Outcomes[status]));
        Instruments.ReplayEvents.Add(processed, kindTag);
        Instruments.ReplayRunDuration.Record(running.TotalSeconds, kindTag);
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetTag(EventsTag, processed);
            activity.SetTag(OutcomeTag, Outcomes[status]);
            activity.SetStatus(status == ReplayRunStatus.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        }
    }
}
