using EventObserver.Kafka.Ingestion;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Status;

/// <summary>The bottom bar: circuit, broker, lag, rate, index, behind/degraded ingestion, retention gaps and the index switch notice.</summary>
public sealed partial class StatusBar
{
    [Parameter, EditorRequired] public required SystemStatus Status { get; set; }

    [Parameter] public bool Connected { get; set; }

    private string BrokerLabel => Status.BrokerState switch
    {
        BrokerState.Connected => Status.Embedded ? "connected (embedded demo)" : "connected",
        BrokerState.Unreachable => "unreachable",
        _ => "starting",
    };

    private string BrokerDotClass => Status.BrokerState switch
    {
        BrokerState.Connected => "eo-dot-ok",
        BrokerState.Unreachable => "eo-dot-error",
        _ => "eo-dot-idle",
    };

    private string BrokerTitle => Status.LastError is { } error
        ? $"Last error: {error}"
        : string.IsNullOrEmpty(Status.BootstrapServers) ? "Broker" : Status.BootstrapServers;
}
