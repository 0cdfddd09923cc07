using EventObserver.Core.Conversations;

using Microsoft.Extensions.Options;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// The monitor's <see cref="IConversationAlertSink"/> for <c>EventObserver:Monitoring:Webhooks</c>: Publish only
/// enqueues, per receiver, into a bounded queue (<see cref="DefaultCapacity"/>) and returns; <see cref="WebhookDeliveryService"/>
/// sends. A full queue (a receiver down for long) refuses the newest alerts: counted per receiver and logged at most
/// once a minute, so a flood of alerts cannot flood the log too.
/// </summary>
public sealed partial class WebhookAlertSink : IConversationAlertSink
{
    public const int DefaultCapacity = 10_000;

    private static readonly TimeSpan OverflowLogInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ILogger<WebhookAlertSink> _logger;
    private readonly Lock _overflowLock = new();
    private readonly long[] _unreported;
    private DateTimeOffset? _lastOverflowLog;

    public WebhookAlertSink(IOptions<MonitoringOptions> options, TimeProvider time, ILogger<WebhookAlertSink> logger)
        : this(options, time, logger, DefaultCapacity)
    {
    }

    internal WebhookAlertSink(IOptions<MonitoringOptions> options, TimeProvider time, ILogger<WebhookAlertSink> logger, int capacity)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _logger = logger;
        var monitoring = options.Value;
        Capacity = capacity;
        Receivers = monitoring.Enabled
            ? monitoring.Webhooks.Select((webhook, i) => new WebhookReceiver(i, webhook, monitoring, capacity, time, logger)).ToArray()
            : [];
        _unreported = new long[Receivers.Count];
    }

    /// <summary>Alerts queued per receiver at most.</summary>
    public int Capacity { get; }

    /// <summary>Alerts refused because a receiver's queue was full, over all receivers.</summary>
    public long Overflowed => Receivers.Sum(r => r.Overflowed);

    /// <summary>Alerts receivers accepted.</summary>
    public long Delivered => Receivers.Sum(r => r.Delivered);

    /// <summary>Alerts given up on after every attempt failed.</summary>
    public long Dropped => Receivers.Sum(r => r.Dropped);

    internal IReadOnlyList<WebhookReceiver> Receivers { get; }

    public void Publish(IReadOnlyList<ConversationAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        for (var r = 0; r < Receivers.Count; r++)
        {
            var refused = 0;
            foreach (var alert in alerts)
            {
                if (!Receivers[r].TryEnqueue(alert))
                {
                    refused++;
                }
            }

            if (refused > 0)
            {
                ReportOverflow(r, refused);
            }
        }
    }

    private void ReportOverflow(int receiver, int refused)
    {
        lock (_overflowLock)
        {
            _unreported[receiver] += refused;
            var now = _time.GetUtcNow();
            if (_lastOverflowLog is { } last && now - last < OverflowLogInterval)
            {
                return;
            }

            _lastOverflowLog = now;
            for (var r = 0; r < _unreported.Length; r++)
            {
                if (_unreported[r] > 0)
                {
                    LogOverflow(_logger, Receivers[r].Name, _unreported[r], Capacity);
                    _unreported[r] = 0;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook {Receiver}: {Alerts} alerts dropped, its queue of {Capacity} was full (receiver down or too slow); counted since the last such message")]
    private static partial void LogOverflow(ILogger logger, string receiver, long alerts, int capacity);
}
