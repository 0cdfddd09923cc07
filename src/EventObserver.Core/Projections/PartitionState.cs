using Jint.Native;

namespace EventObserver.Core.Projections;

/// <summary>One state (the whole state, or one partition's) and what is known about its size.</summary>
internal sealed class PartitionState(string? key, JsValue state)
{
    public string? Key { get; } = key;
    public JsValue State { get; set; } = state;

    /// <summary>JSON length at the last exact measure.</summary>
    public long LastJsonLength { get; set; }

    /// <summary>Bytes the thread allocated while applying events to this state since the last exact measure.</summary>
    public long AllocatedSinceCheck { get; set; }
    public int EventsSinceCheck { get; set; }

    /// <summary>Bytes only this state kept alive at the last memory measurement (see <see cref="Memory.RunMemoryMeter"/>).</summary>
    public long MeasuredBytes { get; set; }

    /// <summary>Queued for the next memory measurement: a handler ran on it, or it shares a mutable object.</summary>
    public bool PendingMeasure { get; set; }

    /// <summary>At the last measurement it reached a mutable object the roots or another partition reach.</summary>
    public bool Entangled { get; set; }
}
