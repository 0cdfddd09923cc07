using System.Text.Json.Nodes;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Folds events into a sandboxed projection; remembers the recently updated partitions for bounded snapshots.</summary>
internal sealed class ProjectionWork(ProjectionRunner runner, int maxSnapshotPartitions) : IReplayWork
{
    private readonly string?[] _recent = new string?[maxSnapshotPartitions];
    private readonly List<ProjectionError> _stateErrors = [];
    private long _recentCount;

    public ReplayRunKind Kind => ReplayRunKind.Projection;
    public long Applied => runner.Applied;
    public long Skipped => runner.Skipped;
    public long Failed => runner.Failed;
    public bool IsStopped => runner.IsStopped;

    internal ProjectionRunner Runner => runner;

    /// <summary>Scans JSON payloads ahead once the projection has shown it reads <c>e.data</c> (a count by type never pays for it).</summary>
    public object? Prepare(EventEnvelope envelope) => runner.ReadsData ? ProjectionRunner.Prepare(envelope) : null;

    public StepResult Process(EventEnvelope envelope, object? prepared, CancellationToken cancellationToken)
    {
        var result = runner.Apply(envelope, prepared as PreparedPayload);
        if (result.PartitionKey is { } key)
        {
            _recent[_recentCount++ % _recent.Length] = key;
        }

        return result;
    }

    public (JsonNode? State, bool Truncated, int Partitions) TakeState()
    {
        var partitions = runner.PartitionKeys.Count;
        try
        {
            if (!runner.IsPartitioned || partitions <= _recent.Length)
            {
                return (runner.GetState(), false, partitions);
            }

            // Too many partitions to show (or diff) all: the most recently updated ones, newest first.
            var shown = new JsonObject();
            for (var i = _recentCount - 1; i >= 0 && i >= _recentCount - _recent.Length && shown.Count < _recent.Length; i--)
            {
                var key = _recent[i % _recent.Length]!;
                if (!shown.ContainsKey(key))
                {
                    shown[key] = runner.GetPartitionState(key);
                }
            }

            return (shown, true, partitions);
        }
        catch (ProjectionStateException ex)
        {
            if (_stateErrors.Count < 10)
            {
                _stateErrors.Add(ex.Error);
            }

            return (null, false, partitions);
        }
    }

    public JsonNode? GetState(string? partitionKey) => partitionKey is null ? runner.GetState() : runner.GetPartitionState(partitionKey);

    public byte[]? TakeFinalState(long maxBytes) =>
        runner.IsPartitioned && runner.PartitionKeys.Count > _recent.Length ? runner.TryGetStateJson(maxBytes) : null;

    public IReadOnlyList<ProjectionError> CopyErrors() => [.. runner.Errors, .. _stateErrors];

    public ReplayPublishProgress? PublishProgress() => null;

    public string? Complete(ReplayRunStatus status, string? failure) => failure;

    /// <summary>Drops the engine and the states (the runner keeps its counters and errors for the run's summary).</summary>
    public void Dispose() => runner.Dispose();
}
