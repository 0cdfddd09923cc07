using System.Collections.Concurrent;

using EventObserver.Access.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// Failed sign-ins per user name, in memory: after <see cref="LockoutOptions.MaxFailedAttempts"/> failures in a row the
/// name is locked for <see cref="LockoutOptions.Duration"/>. Unknown names are counted like known ones, so a lockout
/// does not tell whether a name exists. Bounded: stale entries are dropped when the table grows.
/// </summary>
public sealed class SignInLockout(TimeProvider time)
{
    public const int MaxTrackedNames = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the name's lockout ends, or null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(string name)
    {
        var now = time.GetUtcNow();
        return _entries.TryGetValue(name, out var entry) && entry.LockedUntil is { } until && until > now ? until : null;
    }

    /// <summary>Counts a failure; returns when the name is locked now, or null while it is not.</summary>
    public DateTimeOffset? Fail(string name, LockoutOptions lockout)
    {
        ArgumentNullException.ThrowIfNull(lockout);
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxTrackedNames)
        {
            Prune(now, lockout.Duration);
        }

        var entry = _entries.AddOrUpdate(
            name,
            _ => Next(new Entry(0, null, now), now, lockout),
            (_, old) => Next(old, now, lockout));
        return entry.LockedUntil;
    }

    public void Succeed(string name) => _entries.TryRemove(name, out _);

    private static Entry Next(Entry old, DateTimeOffset now, LockoutOptions lockout)
    {
        // A lockout that has ended starts a new count.
        var failures = old.LockedUntil is { } until && until <= now ? 1 : old.Failures + 1;
        return failures >= lockout.MaxFailedAttempts
            ? new Entry(0, now + lockout.Duration, now)
            : new Entry(failures, null, now);
    }

    private void Prune(DateTimeOffset now, TimeSpan duration)
    {
        foreach (var (name, entry) in _entries)
        {
            if ((entry.LockedUntil ?? entry.LastFailure + duration) <= now)
            {
                _entries.TryRemove(name, out _);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);
}
