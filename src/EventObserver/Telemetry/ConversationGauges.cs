using System.Diagnostics.Metrics;

using EventObserver.Core.Conversations;
using EventObserver.Core.Metrics;

namespace EventObserver.Telemetry;

/// <summary>
/// Conversation monitoring for Prometheus: open and stuck conversations per process (gauges), completed and failed per
/// process and overflowed (counters, read from the tracker's running totals), all read at each collection from one
/// <see cref="IConversationView.Overview"/> (no work on the ingest path).
/// </summary>
public sealed class ConversationGauges
{
    public const string MeterName = "EventObserver.Conversations";
    public const string ProcessTag = "process";

    public static readonly InstrumentSpec Open = new(MeterName,
        "eventobserver.conversations.open", "{conversation}", "Open conversations (not past their deadline) per process");

    public static readonly InstrumentSpec Stuck = new(MeterName,
        "eventobserver.conversations.stuck", "{conversation}", "Conversations open past their process's deadline, per process");

    public static readonly InstrumentSpec Completed = new(MeterName,
        "eventobserver.conversations.completed", "{conversation}", "Conversations completed since tracking began, per process");

    public static readonly InstrumentSpec Failed = new(MeterName,
        "eventobserver.conversations.failed", "{conversation}", "Conversations failed since tracking began, per process");

    public static readonly InstrumentSpec Overflowed = new(MeterName,
        "eventobserver.conversations.overflowed", "{conversation}", "Open conversations dropped (oldest first) because Monitoring:MaxOpenConversations was reached");

    /// <summary>Every instrument of this meter (docs/metrics.md lists each by its Prometheus name).</summary>
    public static IReadOnlyList<InstrumentSpec> All { get; } = [Open, Stuck, Completed, Failed, Overflowed];

    /// <summary>The window asked of the view: the figures read here (now, and running totals) do not depend on it.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>One collection reads all five instruments: they share one overview (it sorts durations per process).</summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    private readonly Lazy<IConversationView> _view;
    private readonly TimeProvider _time;
    private readonly Lock _sync = new();
    private (DateTimeOffset At, ConversationsOverview Overview)? _last;

    /// <param name="meters">This host's meter factory.</param>
    /// <param name="view">Resolved at the first collection (as <see cref="GroupGauges"/> does), not while the host is built.</param>
    /// <param name="time">The clock the overview is asked at.</param>
    public ConversationGauges(IMeterFactory meters, Func<IConversationView> view, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _view = new Lazy<IConversationView>(view);
        _time = time;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(Open.Name, () => PerProcess(p => p.Open), Open.Unit, Open.Description);
        meter.CreateObservableGauge(Stuck.Name, () => PerProcess(p => p.Stuck), Stuck.Unit, Stuck.Description);
        meter.CreateObservableCounter(Completed.Name, () => PerProcess(p => p.CompletedTotal), Completed.Unit, Completed.Description);
        meter.CreateObservableCounter(Failed.Name, () => PerProcess(p => p.FailedTotal), Failed.Unit, Failed.Description);
        meter.CreateObservableCounter(Overflowed.Name, () => new Measurement<long>(Overview().Overflowed), Overflowed.Unit, Overflowed.Description);
    }

    private ConversationsOverview Overview()
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            if (_last is { } last && now - last.At < Reuse && now >= last.At)
            {
                return last.Overview;
            }
        }

        var overview = _view.Value.Overview(now, Window);
        lock (_sync)
        {
            _last = (now, overview);
        }

        return overview;
    }

    private List<Measurement<long>> PerProcess(Func<ProcessSummary, long> value)
    {
        var processes = Overview().Processes;
        var measurements = new List<Measurement<long>>(processes.Count);
        foreach (var process in processes)
        {
            measurements.Add(new Measurement<long>(value(process), new KeyValuePair<string, object?>(ProcessTag, process.Name)));
        }

        return measurements;
    }
}
