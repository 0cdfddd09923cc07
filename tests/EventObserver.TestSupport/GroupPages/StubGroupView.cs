using EventObserver.Core.Groups;

namespace EventObserver.TestSupport.GroupPages;

/// <summary>
/// A consumer group view whose snapshot and history the test sets; <see cref="Publish"/> raises <c>Refreshed</c> as the
/// monitor would after a refresh. Stands in for the real monitor in tests of the groups pages and API.
/// </summary>
public sealed class StubGroupView : IConsumerGroupView
{
    private readonly Dictionary<string, IReadOnlyList<LagSample>> _history = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public ConsumerGroupsSnapshot Current { get; set; } = ConsumerGroupsSnapshot.Empty;

    public int RefreshNowCalls { get; private set; }

    public event Action<ConsumerGroupsSnapshot>? Refreshed;

    /// <summary>Subscribers now (pages must unsubscribe when disposed).</summary>
    public int Subscribers => Refreshed?.GetInvocationList().Length ?? 0;

    public void SetHistory(string groupId, params LagSample[] samples)
    {
        lock (_sync)
        {
            _history[groupId] = samples;
        }
    }

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span)
    {
        lock (_sync)
        {
            return _history.GetValueOrDefault(groupId) ?? [];
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> current and tells the subscribers.</summary>
    public void Publish(ConsumerGroupsSnapshot snapshot)
    {
        Current = snapshot;
        Refreshed?.Invoke(snapshot);
    }

    public Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken)
    {
        RefreshNowCalls++;
        return Task.FromResult(Current);
    }
}
