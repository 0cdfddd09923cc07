using System.Globalization;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Projections;

/// <summary>The run's memory budget, and releasing the engine.</summary>
public sealed partial class ProjectionRunner
{
    /// <summary>Bytes the run kept alive at its last memory measurement (engine, script variables, closures, states).</summary>
    public long RetainedBytesEstimate => _released ? 0 : _memory.Estimate;

    /// <summary>The sandbox, until <see cref="Dispose"/> (tests check that it is then collectable).</summary>
    internal SandboxEngine? Sandbox => _released ? null : _sandbox;

    /// <summary>
    /// Drops the engine, the handlers and every state, so a finished run keeps nothing alive; copy out what must
    /// outlive it first. Later calls are refused (ObjectDisposedException) except the counters and errors.
    /// </summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        IsStopped = true;
        _sandbox = null!;
        _memory = null!;
        _memoryRoots = [];
        _init = null;
        _any = null;
        _partitionBy = null;
        _single = null;
        _handlers.Clear();
        _handlers.TrimExcess();
        _partitions.Clear();
        _partitions.TrimExcess();
        _partitionOrder.Clear();
        _partitionOrder.TrimExcess();
    }

    /// <summary>A measurement is due: over the budget, the event fails and the run stops, whatever <see cref="OnError"/> says.</summary>
    private StepResult CheckMemory(StepResult result, EventEnvelope envelope, string? key)
    {
        if (MeasureMemory(envelope, key) is not { } error)
        {
            return result;
        }

        if (result.Outcome == StepOutcome.Applied)
        {
            Applied--;
        }
        else if (result.Outcome == StepOutcome.Failed)
        {
            Failed--;
        }
        else
        {
            Skipped--;
        }

        var failed = Fail(error);
        IsStopped = true;
        return failed;
    }

    private ProjectionError? MeasureMemory(EventEnvelope? envelope, string? key)
    {
        var estimate = _memory.Measure(_memoryRoots, _sandbox.Events.CachedStrings);
        if (!_memory.IsOverBudget)
        {
            return null;
        }

        return ProjectionErrors.Create(ProjectionErrorKind.MemoryBudget, string.Create(CultureInfo.InvariantCulture,
            $"The projection keeps about {Megabytes(estimate, MidpointRounding.ToPositiveInfinity)} MB alive between events (its state, script variables and closures), over the run's memory budget of {Megabytes(_memory.Budget, MidpointRounding.ToZero)} MB: the run was stopped."),
            envelope, key);
    }

    /// <summary>Charges an engine call made outside <see cref="Apply(EventEnvelope, PreparedPayload?)"/> (serialising a state runs its <c>toJSON</c>).</summary>
    private T Charged<T>(PartitionState partition, Func<PartitionState, T> call)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return call(partition);
        }
        finally
        {
            _memory.Charge(partition, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    /// <summary>Megabytes, rounded so an estimate just over the budget never reads as equal to it.</summary>
    private static string Megabytes(long bytes, MidpointRounding rounding)
    {
        var megabytes = bytes / (1024.0 * 1024);
        return megabytes >= 10
            ? Math.Round(megabytes, 0, rounding).ToString("N0", CultureInfo.InvariantCulture)
            : Math.Round(megabytes, 1, rounding).ToString("N1", CultureInfo.InvariantCulture);
    }
}
