using EventObserver.Components.Shared;
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

    /// <summary>
    /// The log named apart, so its filling and emptying at each checkpoint reads as what it is instead of the index
    /// shrinking; until the first checkpoint of a new index it holds nearly everything.
    /// </summary>
    private string LogText => Status.IndexLogBytes > 0 ? $" (+ {DisplayFormat.Bytes(Status.IndexLogBytes)} log)" : "";

    /// <summary>The whole footprint on disk, in words.</summary>
    private string IndexTitle => Status.IndexLogBytes > 0
        ? $"On disk: the index file {DisplayFormat.Bytes(Status.IndexSizeBytes)}, plus {DisplayFormat.Bytes(Status.IndexLogBytes)} of recent writes in its log (folded into the file, and emptied, at each checkpoint)"
        : $"On disk: the index file {DisplayFormat.Bytes(Status.IndexSizeBytes)}";

    private string BrokerTitle => Status.LastError is { } error
        ? $"Last error: {error}"
        : string.IsNullOrEmpty(Status.BootstrapServers) ? "Broker" : Status.BootstrapServers;
}
